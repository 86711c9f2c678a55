#pragma once

namespace plexe::sandbox {

// What the connection layer (server/TlsServer) knows about the request being handled on the
// current thread, shared with the router's httplib hooks, which only see (request, response).
// httplib runs one connection on one worker thread from its first byte to its close, so a
// thread-local pointer is exactly "this connection".
struct ConnectionState
{
    // Why the connection stopped reading the request (the router picks the status from it).
    enum class Refusal { None, UriTooLong, HeadTooLarge, TooSlow };
    Refusal refusal = Refusal::None;
    // Set when the answer leaves part of the request unread (a refused body): the connection
    // closes after the answer instead of reading the rest as the next request.
    bool closeAfterAnswer = false;

    // Null outside a connection (unit tests call the router directly).
    static ConnectionState *current() { return s_current; }

    // Makes `state` current on this thread for the lifetime of the Scope.
    class Scope
    {
    public:
        explicit Scope(ConnectionState &state) { s_current = &state; }
        ~Scope() { s_current = nullptr; }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;
    };

private:
    static inline thread_local ConnectionState *s_current = nullptr;
};

} // namespace plexe::sandbox
