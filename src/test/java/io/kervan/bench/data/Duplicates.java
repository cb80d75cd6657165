package io.kervan.bench.data;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Plants near-duplicates of an earlier contact, of the kinds people really make: a typo in the last
 * name, first and last name swapped, the same phone typed in another format, the same e-mail with the
 * name typed without Turkish letters. The kind and what was changed go to the ground-truth file.
 */
final class Duplicates {

    /** A planted duplicate: its raw fields, kind ({@code TYPO}, {@code SWAPPED_NAMES} ...) and what changed. */
    record Planted(Contacts.Seed seed, String kind, String detail) {
    }

    private final Random random;

    Duplicates(Random random) {
        this.random = random;
    }

    Planted plant(UUID id, Contacts.Seed original) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                String typo = typo(original.lastName());
                yield new Planted(copy(id, original, original.firstName(), typo, original.emails(), original.phones()),
                        "TYPO", original.lastName() + " -> " + typo);
            }
            case 1 -> new Planted(copy(id, original, original.lastName(), original.firstName(), List.of(),
                    original.phones()), "SWAPPED_NAMES", original.firstName() + " " + original.lastName());
            case 2 -> {
                String reformatted = reformat(original.phones().get(0));
                yield new Planted(copy(id, original, original.firstName(), original.lastName(), List.of(),
                        List.of(reformatted)), "REFORMATTED_PHONE", original.phones().get(0) + " -> " + reformatted);
            }
            default -> {
                String plain = NamePools.ascii(original.firstName());
                String typed = Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
                yield new Planted(copy(id, original, typed, original.lastName(), List.of(original.emails().get(0)),
                        List.of()), "SAME_EMAIL", original.emails().get(0));
            }
        };
    }

    private static Contacts.Seed copy(UUID id, Contacts.Seed original, String first, String last, List<String> emails,
            List<String> phones) {
        return new Contacts.Seed(id, first, last, emails, phones, original.companyIndex(), original.title(),
                original.city(), original.country());
    }

    /** One letter replaced, dropped or doubled, never the first (people rarely get that wrong). */
    private String typo(String name) {
        int at = 1 + random.nextInt(name.length() - 1);
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + otherLetter(name.charAt(at)) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.substring(at + 1);
            default -> name.substring(0, at) + name.charAt(at) + name.substring(at);
        };
    }

    /** A letter next to nothing in particular, but never the one it replaces (that would be no typo). */
    private char otherLetter(char current) {
        char letter;
        do {
            letter = "aeiklmnrst".charAt(random.nextInt(10));
        } while (letter == current);
        return letter;
    }

    /** The same number as people type it: "+905321234567" → "0532 123 45 67" or "+90 (532) 123-4567". */
    private String reformat(String e164) {
        if (e164.startsWith("+90") && e164.length() == 13) {
            String n = e164.substring(3);
            return random.nextBoolean()
                    ? "0" + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6, 8) + " " + n.substring(8)
                    : "+90 (" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6);
        }
        return e164.substring(0, 3) + " " + e164.substring(3, 6) + " " + e164.substring(6);
    }
}
