package nl.welkom;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import nl.welkom.backup.DatabaseBackup;
import nl.welkom.backup.MoveToPostgres;

/**
 * Starts the Welkom server: {@code java -jar welkom-backend.jar}. Settings: {@code application.yml}.
 * {@code backup FILE}, {@code restore FILE} and {@code move-to-postgresql} run the operator's database
 * commands instead.
 */
@OpenAPIDefinition(info = @Info(title = "welkom", version = "0.1",
        description = "Welkom HTTP API: orientation content, households, journeys, activation and sync."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (DatabaseBackup.handles(args)) {
            // `backup FILE` / `restore FILE`: an operator command, no server (docs/backup.md).
            System.exit(DatabaseBackup.run(args, System.out, System.err));
        }
        if (MoveToPostgres.handles(args)) {
            // `move-to-postgresql`: the SQLite default's data into PostgreSQL, no server (docs/postgresql.md).
            System.exit(MoveToPostgres.run(args, System.getenv(), System.out, System.err));
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .deduceEnvironment(false)
                .start();
    }
}
