#include "http/errors.hpp"

#include <boost/json.hpp>
#include <map>

namespace samen::http {

int status_for_code(const std::string& code) {
  static const std::map<std::string, int> statuses = {
      {"malformed_json", 400},
      {"validation_failed", 400},
      {"unknown_field", 400},
      {"weak_password", 400},
      {"invalid_csv", 400},
      {"bad_request", 400},
      {"unauthenticated", 401},
      {"invalid_credentials", 401},
      {"session_expired", 401},
      {"csrf_failed", 403},
      {"forbidden", 403},
      {"not_permitted", 403},
      {"not_found", 404},
      {"method_not_allowed", 405},
      {"version_conflict", 409},
      {"conflict", 409},
      {"already_exists", 409},
      {"already_withdrawn", 409},
      {"already_signed", 409},
      {"grant_expired", 409},
      {"password_link_invalid", 410},
      {"precondition_required", 428},
      {"payload_too_large", 413},
      {"unsupported_media_type", 415},
      {"rate_limited", 429},
      {"internal_error", 500},
      {"unavailable", 503},
  };
  auto it = statuses.find(code);
  return it == statuses.end() ? 400 : it->second;
}

Response error_response(int status, const std::string& code, const std::string& message,
                        const std::string& field) {
  boost::json::object error{{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  Response r;
  r.status = status;
  r.body = boost::json::serialize(boost::json::object{{"error", std::move(error)}});
  return r;
}

Response error_response(const Error& error) {
  return error_response(status_for_code(error.code), error.code, error.message, error.field);
}

}  // namespace samen::http
