import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs the statements of a file (separated by lines holding only ";") against the benchmark database and
 * prints every result row: for EXPLAIN ANALYZE of the scenarios' queries while a run is kept (KEEP=1).
 * java -cp "$(cat target/bench-classpath.txt)" bench/Sql.java jdbc:postgresql://localhost:55432/postgres bench/explain.sql
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        String script = Files.readString(Path.of(args[1]));
        try (Connection c = DriverManager.getConnection(args[0], "postgres", "postgres");
                Statement s = c.createStatement()) {
            for (String sql : script.split("\n;\n")) {
                if (sql.isBlank()) {
                    continue;
                }
                System.out.println("-- " + sql.strip().lines().filter(l -> l.startsWith("--")).findFirst().orElse(""));
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
                System.out.println();
            }
        }
    }
}
