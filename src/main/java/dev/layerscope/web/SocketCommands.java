package dev.layerscope.web;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.RunConfig;
import dev.layerscope.session.CommandRejectedException;
import dev.layerscope.session.Session;
import dev.layerscope.session.SessionRegistry;
import dev.layerscope.web.protocol.ClientMessage;
import dev.layerscope.web.protocol.ErrorCode;
import dev.layerscope.web.protocol.Json;
import dev.layerscope.web.protocol.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Carries out an owner's command on its session; rejected commands become {@code error} frames. */
final class SocketCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SocketCommands.class);

    private final SessionRegistry registry;

    SocketCommands(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code message}; {@code reply} queues a frame to the owner's connection only. */
    void execute(Session session, ClientMessage message, Consumer<String> reply) {
        String command = SocketHandler.typeName(message);
        try {
            dispatch(session, message, reply);
        } catch (CommandRejectedException e) {
            reply.accept(rejected(command, e));
        } catch (ConfigException e) {
            reply.accept(invalidConfig(command, e));
        }
    }

    private void dispatch(Session session, ClientMessage message, Consumer<String> reply) {
        if (message instanceof ClientMessage.Start) {
            session.start();
        } else if (message instanceof ClientMessage.Pause) {
            session.pause();
        } else if (message instanceof ClientMessage.StepEpoch) {
            session.stepEpoch();
        } else if (message instanceof ClientMessage.StepBatch) {
            session.stepBatch();
        } else if (message instanceof ClientMessage.Reset) {
            reportFailure(session, "reset", session.reset(), reply);
        } else if (message instanceof ClientMessage.SetLearningRate setLearningRate) {
            session.setLearningRate(setLearningRate.learningRate());
        } else if (message instanceof ClientMessage.SetSpeed setSpeed) {
            session.setSpeed(setSpeed.epochsPerSecond(), registry.limits().maxEpochsPerSecond());
        } else if (message instanceof ClientMessage.ApplyConfig applyConfig) {
            RunConfig config = Configurations.parse(applyConfig.configJson());
            reportFailure(session, "applyConfig", registry.applyConfig(session, config), reply);
        } else {
            throw new IllegalArgumentException("not an owner command: " + message);
        }
    }

    private static void reportFailure(Session session, String command, CompletableFuture<Void> future,
                                      Consumer<String> reply) {
        future.whenComplete((ignored, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null || cause instanceof java.util.concurrent.CancellationException) {
                return;
            }
            if (cause instanceof ConfigException configException) {
                reply.accept(invalidConfig(command, configException));
            } else {
                LOG.warn("session {}: {} failed", session.id(), command, cause);
                reply.accept(Json.write(SocketHandler.error(ErrorCode.INVALID_CONFIG, command,
                        command + " failed: " + cause.getMessage(), "config", "", "a configuration the engine can build")));
            }
        });
    }

    private static String rejected(String command, CommandRejectedException e) {
        ErrorCode code = e.reason() == CommandRejectedException.Reason.INVALID_STATE
                ? ErrorCode.INVALID_STATE : ErrorCode.INVALID_FIELD;
        return Json.write(SocketHandler.error(code, command, e.getMessage(), e.error()));
    }

    private static String invalidConfig(String command, ConfigException e) {
        var first = e.errors().get(0);
        return Json.write(new ServerMessage.Error(ErrorCode.INVALID_CONFIG, command,
                "invalid configuration: " + e.errors().size() + (e.errors().size() == 1 ? " field" : " fields"),
                first.field(), first.value(), first.allowed(), HttpError.listed(e.errors())));
    }
}
