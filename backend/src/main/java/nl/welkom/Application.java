package nl.welkom;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the Welkom server: {@code java -jar welkom-backend.jar}. Settings: {@code application.yml}. */
@OpenAPIDefinition(info = @Info(title = "welkom", version = "0.1",
        description = "Welkom HTTP API: orientation content, households, journeys, activation and sync."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .deduceEnvironment(false)
                .start();
    }
}
