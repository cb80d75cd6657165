package io.kervan.bench.data;

/**
 * One kind of data the generator writes (users and teams, companies, contacts, deals, activities ...).
 * Parts run in order and may link to what earlier parts made; a new module adds one part.
 */
interface DataPart {

    String name();

    /** The tables this part fills, whose secondary indexes are dropped during the load and rebuilt after. */
    java.util.List<String> tables();

    void write(GenerationContext context) throws Exception;
}
