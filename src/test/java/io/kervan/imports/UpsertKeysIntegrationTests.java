package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Upsert on every match key of every record type: the second file updates the record the first one
 * created (the key written differently where the key is normalised) and creates nothing more.
 */
@IntegrationTest
class UpsertKeysIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    ImportFixtures fixtures;
    TestUsers.TestUser admin;

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(mvc, context);
        admin = fixtures.user(Role.ADMIN);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            contacts  | email      | Ad         | firstName | city  | {k}@example.com        | {K}@EXAMPLE.COM        | contacts  | first_name
            contacts  | phone      | Ad         | firstName | city  | 0532 {n}               | +90532{n}              | contacts  | first_name
            contacts  | externalId | Ad         | firstName | city  | ext-{k}                | ext-{k}                | contacts  | first_name
            companies | name       | Firma Adı  | name      | city  | Şirket {k}             | ŞİRKET {K}             | companies | name
            companies | taxNumber  | Firma Adı  | name      | city  | {n}123                 | {n}-123                | companies | name
            companies | email      | Firma Adı  | name      | city  | info@{k}.example       | INFO@{K}.EXAMPLE       | companies | name
            companies | phone      | Firma Adı  | name      | city  | 0212 {n}               | 0212{n}                | companies | name
            companies | externalId | Firma Adı  | name      | city  | c-{k}                  | c-{k}                  | companies | name
            leads     | email      | Ad         | firstName | notes | {k}@lead.example       | {K}@LEAD.EXAMPLE       | leads     | first_name
            leads     | phone      | Ad         | firstName | notes | 0533 {n}               | +90533{n}              | leads     | first_name
            leads     | externalId | Ad         | firstName | notes | l-{k}                  | l-{k}                  | leads     | first_name
            products  | code       | Ürün       | name      | unit  | P-{k}                  | p-{k}                  | products  | name
            products  | name       | Ürün       | name      | unit  | Ürün {k}               | ÜRÜN {K}               | products  | name
            deals     | title      | Başlık     | title     | value | Fırsat {k}             | FIRSAT {K}             | deals     | title
            """)
    void upsertUpdatesTheRecordMatchedOnTheKey(String type, String key, String nameColumn, String nameField,
            String changedField, String firstKey, String secondKey, String table, String nameSql) {
        // no "i": its capital differs between Turkish and English, and keys are compared both ways
        String token = ImportFixtures.token().replace('i', 'x');
        String digits = String.valueOf(1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8_999_999));
        String k1 = firstKey.replace("{k}", token).replace("{K}", token.toUpperCase()).replace("{n}", digits);
        String k2 = secondKey.replace("{k}", token).replace("{K}", token.toUpperCase()).replace("{n}", digits);
        boolean keyIsName = key.equals(nameField);
        String name = keyIsName ? null : "Name " + token;
        String firstValue = changedField.equals("value") ? "100" : "first";
        String secondValue = changedField.equals("value") ? "200" : "second";
        String header = keyIsName ? "Key;Changed" : "Key;" + nameColumn + ";Changed";
        String columns = keyIsName ? "\"Key\": \"%s\", \"Changed\": \"%s\"".formatted(key, changedField)
                : "\"Key\": \"%s\", \"%s\": \"%s\", \"Changed\": \"%s\"".formatted(key, nameColumn, nameField, changedField);
        String defaults = type.equals("products") ? ", \"defaults\": {\"unitPrice\": \"10\"}" : "";
        String mapping = """
                {"recordType": "%s", "mode": "upsert", "matchOn": "%s", "columns": {%s}%s}""".formatted(type, key, columns,
                defaults);

        JsonNode first = fixtures.run(admin, header + "\n" + k1 + ";" + (keyIsName ? "" : name + ";") + firstValue + "\n",
                mapping);
        assertThat(first.get("created").asLong()).as("created by the first file").isEqualTo(1);
        JsonNode second = fixtures.run(admin, header + "\n" + k2 + ";" + (keyIsName ? "" : name + ";") + secondValue
                + "\n", mapping);

        assertThat(second.get("updated").asLong()).as("updated by the second file").isEqualTo(1);
        assertThat(second.get("created").asLong()).isZero();
        String nameValue = keyIsName ? k2 : name;
        String changedColumn = switch (changedField) {
            case "value" -> "value::bigint::text";
            default -> changedField;
        };
        assertThat(jdbc.sql("select " + changedColumn + " from " + table + " where " + nameSql + " = :n")
                .param("n", nameValue).query(String.class).list()).containsExactly(secondValue);
    }
}
