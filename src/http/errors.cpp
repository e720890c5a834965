#include "http/errors.hpp"

#include <boost/json.hpp>
#include <map>

#include "http/log_event.hpp"

namespace samen::http {

const std::vector<std::pair<std::string, int>>& error_table() {
  static const std::vector<std::pair<std::string, int>> table = {
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
      // One's own memberships, user or address: nobody grants themself access.
      {"self_grant_forbidden", 403},
      {"not_found", 404},
      {"method_not_allowed", 405},
      {"version_conflict", 409},
      {"already_exists", 409},
      {"already_triaged", 409},
      {"case_closed", 409},
      {"meeting_cancelled", 409},
      {"minutes_closed", 409},
      // Ending a membership that leads cases, sits at tables or owns actions: a successor first.
      {"handover_needed", 409},
      {"membership_ended", 409},
      {"already_withdrawn", 409},
      {"already_signed", 409},
      {"grant_expired", 409},
      {"already_confirmed", 409},
      {"not_awaiting_confirmation", 409},
      {"request_closed", 409},
      {"request_expired", 409},
      {"already_answered", 409},
      {"not_a_required_party", 409},
      {"already_linked", 409},
      {"already_revoked", 409},
      {"already_accepted", 409},
      {"invitation_used", 410},
      {"invitation_revoked", 410},
      {"invitation_expired", 410},
      {"invitation_invalid", 410},
      {"password_link_invalid", 410},
      {"payload_too_large", 413},
      {"unsupported_media_type", 415},
      {"precondition_required", 428},
      {"rate_limited", 429},
      {"header_too_large", 431},
      {"internal_error", 500},
      {"unavailable", 503},
      {"too_many_connections", 503},
  };
  return table;
}

int status_for_code(const std::string& code) {
  static const std::map<std::string, int> statuses(error_table().begin(), error_table().end());
  auto it = statuses.find(code);
  if (it != statuses.end()) return it->second;
  log_event(LogLevel::error, "unknown_error_code", {{"code", code}});
  return 500;
}

Response error_response(const std::string& code, const std::string& message,
                        const std::string& field) {
  boost::json::object error{{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  Response r;
  r.status = status_for_code(code);
  r.body = boost::json::serialize(boost::json::object{{"error", std::move(error)}});
  return r;
}

Response error_response(const Error& error) {
  return error_response(error.code, error.message, error.field);
}

}  // namespace samen::http
