package io.kervan.bench.data;

import java.util.List;
import java.util.Random;

/**
 * Word lists the generator draws from: Turkish and English person names, company stems with their
 * country's legal suffixes, cities, sectors and titles. Turkish letters (ç ğ ı İ ö ş ü) are frequent on
 * purpose: folding and Turkish sort keys are part of what the benchmark exercises.
 */
public final class NamePools {

    public static final List<String> TURKISH_FIRST = List.of("Ahmet", "Mehmet", "Mustafa", "Ali", "Hüseyin", "Hasan",
            "İbrahim", "İsmail", "Osman", "Yusuf", "Murat", "Ömer", "Emre", "Burak", "Çağlar", "Oğuz", "Uğur",
            "Serkan", "Gökhan", "Barış", "Kağan", "Ilgaz", "Doğan", "Şükrü", "Tolga", "Can", "Cem", "Kerem", "Eren",
            "Onur", "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra", "Sultan",
            "Hülya", "Gülşen", "Özlem", "Çiğdem", "Büşra", "Esra", "Merve", "Derya", "İpek", "Ilgın", "Şule",
            "Gizem", "Tuğba", "Dilek", "Sevgi", "Ebru", "Nur", "Aslı", "Pınar", "Yağmur");
    public static final List<String> TURKISH_LAST = List.of("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız",
            "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç",
            "Kurt", "Özkan", "Şimşek", "Polat", "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Yavuz", "Can", "Acar",
            "Şen", "Aktaş", "Güler", "Yalçın", "Güneş", "Bozkurt", "Bulut", "Keskin", "Ünal", "Turan", "Gül",
            "Özer", "Işık", "Kaplan", "Avcı", "Sarı", "Tekin", "Taş", "Köse", "Yüksel", "Ateş", "Aksoy", "Uçar",
            "Ekinci", "Karataş", "Güven", "Tunç", "Sönmez", "Şekerci", "Çiftçi", "Değirmenci", "İnce");
    public static final List<String> ENGLISH_FIRST = List.of("James", "John", "Robert", "Michael", "William", "David",
            "Richard", "Joseph", "Thomas", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven",
            "Andrew", "Kevin", "Brian", "George", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara",
            "Susan", "Jessica", "Sarah", "Karen", "Emily", "Emma", "Olivia", "Sophie", "Hannah", "Laura", "Rachel",
            "Claire", "Grace", "Lucy");
    public static final List<String> ENGLISH_LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
            "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White",
            "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green",
            "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans",
            "Turner", "Parker", "Collins");
    static final List<String> COMPANY_STEMS_TR = List.of("Anadolu", "Boğaziçi", "Ege", "Karadeniz", "Marmara",
            "Toros", "Kapadokya", "Yıldız", "Özgür", "Güneş", "Doğuş", "Kervan", "Çınar", "Şimşek", "Ilıca", "Ipek",
            "Atlas", "Kuzey", "Güney", "Başkent", "Akdeniz", "Fırat", "Dicle", "Sakarya", "Yeşilırmak", "Erciyes",
            "Uludağ", "Ağrı", "Çamlıca", "Mavi", "Altın", "Gümüş", "Demirçelik", "Özyurt", "Birlik", "Umut",
            "Şafak", "Pınar", "Ufuk", "Zirve");
    static final List<String> COMPANY_KINDS_TR = List.of("Gıda", "Tekstil", "Yazılım", "İnşaat", "Lojistik",
            "Enerji", "Makine", "Otomotiv", "Turizm", "Kimya", "Mobilya", "Danışmanlık", "Ticaret", "Sağlık",
            "Elektronik", "Ambalaj", "Tarım", "Medya");
    static final List<String> COMPANY_STEMS_EN = List.of("Northwind", "Blue Harbor", "Silverline", "Redwood",
            "Brightpath", "Summit", "Ironbridge", "Greenfield", "Oakridge", "Clearwater", "Highland", "Westgate",
            "Starlight", "Riverside", "Pinecrest", "Goldleaf", "Stonebrook", "Lakeshore", "Crescent", "Evergreen");
    static final List<String> COMPANY_KINDS_EN = List.of("Foods", "Textiles", "Software", "Construction",
            "Logistics", "Energy", "Machinery", "Automotive", "Travel", "Chemicals", "Furniture", "Consulting",
            "Trading", "Health", "Electronics", "Packaging", "Media");
    static final List<String> CITIES_TR = List.of("İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya",
            "Adana", "Şanlıurfa", "Gaziantep", "Kocaeli", "Mersin", "Diyarbakır", "Hatay", "Manisa", "Kayseri",
            "Samsun", "Balıkesir", "Kahramanmaraş", "Van", "Aydın", "Denizli", "Sakarya", "Tekirdağ", "Muğla",
            "Eskişehir", "Trabzon", "Ordu", "Afyonkarahisar", "Malatya", "Çanakkale", "Iğdır", "Ağrı");
    static final List<String> CITIES_UK = List.of("London", "Manchester", "Birmingham", "Leeds", "Glasgow",
            "Bristol", "Edinburgh", "Liverpool");
    static final List<String> CITIES_DE = List.of("Berlin", "München", "Hamburg", "Köln", "Frankfurt", "Stuttgart",
            "Düsseldorf");
    static final List<String> CITIES_US = List.of("New York", "Chicago", "Boston", "Seattle", "Austin", "Denver");
    static final List<String> SECTORS = List.of("Manufacturing", "Retail", "Software", "Construction", "Logistics",
            "Energy", "Healthcare", "Tourism", "Agriculture", "Finance", "Education", "Media");
    public static final List<String> TITLES = List.of("Genel Müdür", "Satın Alma Müdürü", "Satış Müdürü", "Muhasebe Uzmanı",
            "İnsan Kaynakları Müdürü", "Bilgi İşlem Sorumlusu", "Pazarlama Müdürü", "Operasyon Şefi", "CEO", "CFO",
            "Head of Procurement", "Sales Manager", "Account Manager", "Office Manager", "IT Director",
            "Marketing Lead", "Founder", "Engineer");
    static final List<String> TAGS = List.of("vip", "fuar-2025", "bayi", "distributor", "newsletter", "partner",
            "referans", "kamu", "ihracat");
    static final List<String> DEAL_PRODUCTS = List.of("ERP lisansı", "Bakım sözleşmesi", "Yazılım yenileme",
            "Donanım tedariki", "Danışmanlık paketi", "Eğitim programı", "Cloud migration", "Support renewal",
            "Annual licence", "Pilot project", "Filo kiralama", "Ambalaj siparişi", "Yıllık anlaşma");
    static final List<String> DEAL_SOURCES = List.of("Web form", "Fuar", "Referral", "Cold call", "LinkedIn",
            "Bayi", "E-posta kampanyası");

    /** A company's country, its legal suffixes, its cities and a phone number maker. */
    enum Country {
        TR("Türkiye", List.of("A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.", "Ltd. Şti."), CITIES_TR),
        DE("Deutschland", List.of("GmbH", "AG", "GmbH & Co. KG"), CITIES_DE),
        UK("United Kingdom", List.of("Ltd.", "PLC", "LLP"), CITIES_UK),
        US("United States", List.of("Inc.", "LLC", "Corp."), CITIES_US);

        final String label;
        final List<String> suffixes;
        final List<String> cities;

        Country(String label, List<String> suffixes, List<String> cities) {
            this.label = label;
            this.suffixes = suffixes;
            this.cities = cities;
        }

        /**
         * A number libphonenumber accepts (the app refuses invalid ones), in E.164. A few numbering ranges
         * have unassigned blocks, hence the retries; a Turkish mobile number is the last resort.
         */
        String phone(Random random) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String candidate = candidate(random);
                if (io.kervan.shared.PhoneNumbers.toE164(candidate).filter(candidate::equals).isPresent()) {
                    return candidate;
                }
            }
            return "+90532" + digits(random, 7, '1');
        }

        private String candidate(Random random) {
            return switch (this) {
                case TR -> random.nextInt(4) == 0
                        ? "+90" + pick(random, List.of("212", "216", "312", "232", "224", "242")) + digits(random, 7, '2')
                        : "+90" + pick(random, List.of("532", "533", "535", "542", "543", "544", "505", "506", "555"))
                                + digits(random, 7, '1');
                case DE -> "+49" + pick(random, List.of("151", "160", "171", "176")) + digits(random, 8, '1');
                case UK -> "+447" + pick(random, List.of("4", "5", "7", "8", "9")) + digits(random, 8, '0');
                case US -> "+1" + pick(random, List.of("212", "415", "617", "206", "512")) + digits(random, 7, '2');
            };
        }
    }

    private NamePools() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code count} digits, the first not below {@code firstMin} (numbering plans reserve low leading digits). */
    static String digits(Random random, int count, char firstMin) {
        StringBuilder out = new StringBuilder(count);
        out.append((char) (firstMin + random.nextInt('9' - firstMin + 1)));
        for (int i = 1; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** ASCII form of a name for e-mail addresses and domains: "Çağlar Şahin" → "caglar.sahin". */
    static String ascii(String text) {
        return io.kervan.shared.TurkishText.fold(text).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    }
}
