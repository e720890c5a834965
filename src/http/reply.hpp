#pragma once
// What a handler gives back. Most replies are ready at once; some need more before the
// response may leave:
//  - `audit`: events that must be committed first (every access to pupil data has one);
//  - `write`: a change that runs on the single writer, inside the group-commit
//    transaction, and fills in `response` from what it found there;
//  - `offload`: slow CPU work (password hashing) for the bounded worker pool, which
//    produces the real Reply.
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
  audit::Work write;
  std::function<Reply()> offload;

  static Reply of(Response r) {
    Reply reply;
    *reply.response = std::move(r);
    return reply;
  }
  // A change on the writer; `fn` sets the response and returns the outcome.
  static Reply writing(std::function<audit::JobOutcome(store::WriteTx&, Response&)> fn) {
    Reply reply;
    reply.write = [out = reply.response, fn = std::move(fn)](store::WriteTx& tx) {
      return fn(tx, *out);
    };
    return reply;
  }
};

}  // namespace samen::http
