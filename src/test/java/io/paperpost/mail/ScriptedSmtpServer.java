package io.paperpost.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server on a free loopback port that answers each mail transaction as scripted: accept it, defer
 * it with 421 (and close, as servers do), refuse the recipient with 550, or drop the connection in the middle
 * of DATA. Transactions without a script step are accepted; the 250 after a message may be made to wait. Records
 * every recipient tried and accepted.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** What the server does with one mail transaction. */
    public enum Step {
        ACCEPT, DEFER_421, REJECT_RECIPIENT_550, DROP_IN_DATA
    }

    private final ServerSocket server;
    private final Queue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<String> tried = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private volatile long dataReplyDelayMillis;

    public ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Queues what the next transactions get, in order. */
    public void script(Step... steps) {
        script.addAll(List.of(steps));
    }

    /**
     * Waits this long after the end of each message before answering 250, as a slow server does. The message counts
     * as accepted from its end on: a client that dies while waiting has still handed it over.
     */
    public void answerDataAfter(java.time.Duration delay) {
        dataReplyDelayMillis = delay.toMillis();
    }

    /** Recipients of every transaction that reached RCPT, accepted or not. */
    public List<String> tried() {
        return List.copyOf(tried);
    }

    /** Recipients of every message the server accepted (250 after DATA). */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    public void reset() {
        script.clear();
        tried.clear();
        accepted.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            Step step = Step.ACCEPT;
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-scripted\r\n250 8BITMIME");
                    case "HELO", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "MAIL" -> {
                        Step next = script.poll();
                        step = next == null ? Step.ACCEPT : next;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        tried.add(recipient);
                        if (step == Step.DEFER_421) {
                            reply(out, "421 4.7.0 Try again later, closing connection");
                            return;
                        }
                        reply(out, step == Step.REJECT_RECIPIENT_550 ? "550 5.1.1 No such user" : "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        int lines = 0;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (step == Step.DROP_IN_DATA && ++lines == 5) {
                                return;
                            }
                        }
                        accepted.add(recipient);
                        if (dataReplyDelayMillis > 0) {
                            Thread.sleep(dataReplyDelayMillis);
                        }
                        reply(out, "250 2.0.0 Queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // The client went away: the session ends.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
