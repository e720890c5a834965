#pragma once
// What a handler gives back. Most replies are ready at once; some need more before the
// response may leave:
//  - `audit`: events that must be committed first (every access to pupil data has one);
//  - `write`: a change that runs on the single writer, inside the group-commit
//    transaction, and fills in `response` from what it found there (a streaming one may
//    also emit audit events as it goes, see AuditedWriter);
//  - `offload`: slow CPU work (password hashing) for the bounded worker pool, which
//    produces the real Reply;
//  - `then`: once the write and its audit events are committed, the next step, whose Reply
//    is carried out in turn (a login reserves its attempt on the writer before it hashes).
// The server carries out these steps; handlers stay synchronous and free of Asio.
#include <functional>
#include <memory>
#include <vector>

#include "audit/audited_writer.hpp"
#include "http/message.hpp"

namespace samen::http {

struct Reply {
  std::shared_ptr<Response> response = std::make_shared<Response>();
  std::vector<audit::Event> audit;
  audit::StreamingWork write;
  std::function<Reply()> offload;
  std::function<Reply()> then;

  static Reply of(Response r) {
    Reply reply;
    *reply.response = std::move(r);
    return reply;
  }
  // A change on the writer; `fn` sets the response and returns the outcome.
  static Reply writing(std::function<audit::JobOutcome(store::WriteTx&, Response&)> fn) {
    Reply reply;
    reply.write = [out = reply.response, fn = std::move(fn)](
                      store::WriteTx& tx, const audit::Emit&) { return fn(tx, *out); };
    return reply;
  }
  // The same for a change with too many audit events to hold: it hands each to `emit`.
  static Reply writing_streamed(
      std::function<audit::JobOutcome(store::WriteTx&, const audit::Emit&, Response&)> fn) {
    Reply reply;
    reply.write = [out = reply.response, fn = std::move(fn)](
                      store::WriteTx& tx, const audit::Emit& emit) { return fn(tx, emit, *out); };
    return reply;
  }
};

}  // namespace samen::http
