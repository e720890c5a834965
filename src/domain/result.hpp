#pragma once
// Errors are values at layer boundaries. An Error carries a stable machine code (part of
// the API contract), a human message, and optionally the input field it is about, so the
// HTTP layer and the CLI can both name what was wrong without knowing where it came from.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace samen {

struct Error {
  std::string code;
  std::string message;
  std::string field;  // empty when the error is not about one input field
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that produce nothing but may fail.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace samen
