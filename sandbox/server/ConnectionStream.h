#pragma once

#include "http/ConnectionState.h"

#include <httplib.h>

#include <chrono>
#include <functional>

namespace plexe::sandbox {

// One TLS connection as httplib::Server::process_request reads and writes it, with the limits
// httplib 0.11 does not have (server/ConnectionLimits.h): a deadline for the handshake, for the
// whole request head and for the body, rather than per read; and the head's line length and
// line count checked as the bytes arrive, rather than after a whole line is buffered.
// The socket stays non-blocking and every wait is a poll() bounded by the phase's deadline.
// When a limit is hit, reads return end-of-stream: httplib then answers 400 (or 414) and the
// router turns that into 431/414/408 from state().refusal; the connection is not reused.
class ConnectionStream : public httplib::Stream
{
public:
    using Clock = std::chrono::steady_clock;

    ConnectionStream(int sock, SSL *ssl);

    bool handshake();
    // Waits up to `idle()` (asked again as it waits, so a server growing busy cuts the wait
    // short) for the next request; false when none came, the peer left, or `keepGoing` turned
    // false. Then starts the head's deadline.
    bool waitForRequest(const std::function<std::chrono::milliseconds()> &idle,
                        const std::function<bool()> &keepGoing);
    // Whether the connection may carry another request after this answer.
    bool reusable() const;
    // After an answer that refused a request still arriving: stop writing, then read and
    // discard for a moment, so that closing does not reset the connection (and with it, on
    // the client's side, the answer not read yet) while the client is still sending.
    void lingerAfterRefusal();
    void shutdown();

    ConnectionState &state() { return m_state; }

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char *ptr, size_t size) override;
    ssize_t write(const char *ptr, size_t size) override;
    void get_remote_ip_and_port(std::string &ip, int &port) const override;
    void get_local_ip_and_port(std::string &ip, int &port) const override;
    int socket() const override { return m_sock; }

private:
    enum class Phase { Head, Body };
    // Polls for `events` until the deadline; false when it passed.
    bool waitFor(short events, Clock::time_point deadline) const;
    // Runs an SSL call until it succeeds, fails, or the deadline passes (-1 then).
    int retry(const std::function<int()> &call, Clock::time_point deadline);
    void refuse(ConnectionState::Refusal refusal);
    void countHeadByte(char byte);

    int m_sock;
    SSL *m_ssl;
    ConnectionState m_state;
    Phase m_phase = Phase::Head;
    Clock::time_point m_deadline;
    size_t m_lineLength = 0;
    size_t m_lines = 0;
    bool m_broken = false;  // a TLS or socket error: never reuse
    bool m_closing = false; // close_notify sent
};

} // namespace plexe::sandbox
