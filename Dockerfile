# syntax=docker/dockerfile:1
#
# One image per service, from this repository:
#   docker build --build-arg SERVICE=command-side -t alter8/command-side .
#   docker build --build-arg SERVICE=query-side --build-arg PORT=8081 -t alter8/query-side .
# docker-compose.yml does the same for both. docs/deployment.md describes the runtime settings.
#
# Needs BuildKit (the default builder since Docker Engine 23, and always used by Docker Compose v2): the
# Maven cache below is a BuildKit cache mount. The legacy builder rejects `RUN --mount`; there, set
# DOCKER_BUILDKIT=1. There is no fallback in this file because a Dockerfile cannot switch on the builder.

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY . .
# Only the two services and what they depend on; the local launcher (infra/local) is not needed in an image.
# The cache mount keeps ~/.m2 (Maven itself, fetched by the wrapper, and every dependency) between builds;
# `locked` because compose builds both images at once and Maven's local repository is not safe for two
# concurrent writers.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    chmod +x mvnw && ./mvnw -B -q -DskipTests -pl command-side,query-side -am package

# Declared after the build so that both images share every layer above.
ARG SERVICE
RUN case "${SERVICE}" in \
      command-side|query-side) ;; \
      *) echo "build arg SERVICE must be command-side or query-side, was '${SERVICE}'" >&2; exit 1 ;; \
    esac \
    && cp "${SERVICE}/target/${SERVICE}-"*"-exec.jar" /app.jar

FROM eclipse-temurin:17-jre-noble
ARG SERVICE
ARG PORT=8080
LABEL org.opencontainers.image.title="alter8-${SERVICE}" \
      org.opencontainers.image.description="Alter8 ${SERVICE}"
# The compose healthchecks call curl inside the container; fail the build here, not the healthcheck later,
# if a new base image stops shipping it. A fixed numeric uid lets Kubernetes check runAsNonRoot.
RUN command -v curl >/dev/null \
    && groupadd --system --gid 10001 alter8 \
    && useradd --system --uid 10001 --gid alter8 --no-create-home --shell /usr/sbin/nologin alter8
WORKDIR /app
COPY --from=build --chown=root:root /app.jar /app/app.jar
USER 10001:10001
# Documentation only: the service listens where ALTER8_COMMAND_PORT / ALTER8_QUERY_PORT say (8080 / 8081).
EXPOSE ${PORT}
# Exec form: java is PID 1 and gets SIGTERM, so Spring's graceful shutdown runs on `docker stop`.
# The heap follows the container's memory limit. The parallel collector, as the local stack runs them: on two cores
# G1 cost up to a fifth more CPU per command (docs/decisions.md, "The services' collector"). Add JVM flags with
# JAVA_TOOL_OPTIONS; another collector needs a new entrypoint, as the JVM refuses two. A service loads about 100 MB of
# classes: below MetaspaceSize, crossing each mark of class metadata would cost a full collection while it starts.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseParallelGC", "-XX:MetaspaceSize=256m", "-jar", "/app/app.jar"]
