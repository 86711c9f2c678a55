#pragma once

#include <chrono>
#include <cstddef>

// What one client may take from the server (contract §4 "Limits"; docs/api-contract.md and
// sandbox/README.md list the same numbers). httplib 0.11 bounds each socket read, not a whole
// request, so a client sending one byte per read timeout kept a worker for ever; these bound the
// whole phase instead (server/ConnectionStream).
namespace plexe::sandbox::limits {

using std::chrono::milliseconds;

constexpr milliseconds kHandshake{3000};     // TCP accepted -> TLS handshake done
constexpr milliseconds kRequestHead{3000};   // first byte of a request -> its blank line
constexpr milliseconds kRequestBody{5000};   // end of the head -> end of the body (≤ 64 KiB)
constexpr milliseconds kWrite{10000};        // to take one answer
constexpr milliseconds kIdle{5000};          // keep-alive: waiting for the next request
constexpr milliseconds kIdleBusy{1000};      // ... while more than half the workers are taken
constexpr milliseconds kLinger{500};         // after refusing a request, discard what still comes
constexpr size_t kLingerBytes = 1024 * 1024; // ... up to this much

constexpr size_t kMaxHeadLine = 8192; // request line or one header line, CRLF included
constexpr size_t kMaxHeadLines = 100; // request line + header lines
constexpr size_t kMaxBody = 64 * 1024;

// Workers are started as connections need them, up to this many (httplib holds one worker per
// open connection; each is cheap while it waits). More connections queue until one closes.
constexpr size_t kMaxWorkers = 256;
constexpr size_t kBusyConnections = kMaxWorkers / 2;
constexpr size_t kKeepAliveMaxRequests = 1000;

} // namespace plexe::sandbox::limits
