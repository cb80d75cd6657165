package io.kervan.imports.reading;

import java.util.List;

/**
 * The file as a whole cannot be read (not a table, encoding undecodable, an unclosed quote, a zip
 * bomb …). {@code code} is a message-bundle key; {@code arguments} fill its placeholders.
 */
public class ImportFileException extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    public ImportFileException(String code, Object... arguments) {
        super(code + " " + List.of(arguments));
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
