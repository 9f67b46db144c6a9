package io.alter8.infra.local;

import io.alter8.infra.stack.DevKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code alter8 token}: an access token signed with the local stack's own key, to call the API with curl while
 * accounts are not set up. A service token (no login session): only a stack that made its own keys accepts it.
 */
final class TokenCommand {

    static final String USAGE = """
            Usage: alter8 token [--role ROLE] [--user UUID] [--key-file FILE] [--minutes N]

            Prints an access token for the local stack (./alter8 run), for curl:
              TOKEN=$(./alter8 token --role owner)
              curl -H "Authorization: Bearer $TOKEN" localhost:8081/api/properties

              --role ROLE      owner, tenant, agent, field_executive, property_manager, admin, super_admin,
                               auditor or analyst (default owner)
              --user UUID      the user the token speaks for (default: a new random id)
              --key-file FILE  the stack's private key (default .alter8-data/keys/jwt-private.pem)
              --minutes N      how long the token is valid (default 60)

            The token belongs to no login session: logout answers 409 and it expires on its own. Only a
            stack that made its own keys accepts it (it turns on alter8.security.jwt.service-tokens).
            """;

    private static final Set<String> ROLES = Set.of("owner", "tenant", "agent", "field_executive",
                                                    "property_manager", "admin", "super_admin", "auditor",
                                                    "analyst");

    private TokenCommand() {
    }

    static int run(List<String> arguments, Path home) {
        Args args = Args.parse(arguments, Set.of("--role", "--user", "--key-file", "--minutes"), Set.of());
        String role = args.string("--role", "owner");
        if (!ROLES.contains(role)) {
            throw new UsageException("--role must be one of " + String.join(", ", ROLES.stream().sorted().toList()));
        }
        UUID user;
        try {
            user = UUID.fromString(args.string("--user", UUID.randomUUID().toString()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--user must be a UUID");
        }
        Path keyFile = Path.of(args.string("--key-file", home.resolve(".alter8-data").resolve("keys")
                                                              .resolve(DevKeys.PRIVATE_FILE).toString()));
        if (!Files.isRegularFile(keyFile)) {
            Console.error("alter8: no token key at {}: start the stack once with ./alter8 run", keyFile);
            return 1;
        }
        int minutes = args.integer("--minutes", 60, 1, 24 * 60);
        Console.say("{}", DevKeys.mint(DevKeys.readPrivateKey(keyFile), user, Duration.ofMinutes(minutes), role));
        return 0;
    }
}
