# Build stage: compile and package the shaded jar with Maven on Java 17.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY web web
COPY presets presets
RUN mvn -B -ntp -DskipTests package

# Run stage: a glibc JRE, because the bundled OpenBLAS natives are glibc builds (not Alpine).
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/layerscope.jar /app/layerscope.jar
# Listen on every interface inside the container; publish the port with `docker run -p 7070:7070`.
ENV LAYERSCOPE_HOST=0.0.0.0 LAYERSCOPE_PORT=7070
EXPOSE 7070
# An unprivileged user without a home directory, so JavaCPP unpacks the OpenBLAS natives under /tmp.
USER 65534
ENTRYPOINT ["java", "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp", "-jar", "/app/layerscope.jar"]
