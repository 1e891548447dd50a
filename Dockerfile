# The loadtest image for those who build with Docker. CI builds the same image with Jib
# (engine/pom.xml, docs/container.md) and .ci/image/lint-dockerfile keeps the two in step:
# same entrypoint and JVM flags, user, working directory, environment, examples and labels.
#
#   docker build -t loadtest --build-arg REVISION="$(git rev-parse HEAD)" .
#   docker run --rm loadtest -f /examples/quickstart.yaml
#
# Both base images are build arguments, so a build can pin them by digest or use a mirror.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY schema schema
COPY engine/src/main engine/src/main
# The tests run in CI (mvn -B verify); the image build only packages the jar.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Dmaven.test.skip=true package \
 && mkdir -p /out/reports \
 && chmod 0777 /out/reports \
 && cp engine/target/loadtest.jar /out/loadtest.jar

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="loadtest" \
      org.opencontainers.image.description="Load testing for LLM-backed and multi-agent services, specs in YAML." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}"
COPY --from=build /out/loadtest.jar /opt/loadtest/loadtest.jar
COPY examples /examples
# Writable by any user, as in the Jib image, so `--user` works without a mount.
COPY --from=build /out/reports /work/reports
WORKDIR /work
ENV LOADTEST_OUT=/work/reports
USER 10001:10001
# Exec form: the JVM is PID 1 and receives SIGTERM itself, so a stopped run writes its results.
# Limitation: with no shell in between, flags change through _JAVA_OPTIONS, not LOADTEST_JAVA_OPTS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+UseParallelGC", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-jar", "/opt/loadtest/loadtest.jar"]
