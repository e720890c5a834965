#pragma once
// Every error leaves Samen as {"error": {"code", "message", "field"?}} with the status that
// belongs to its code. The table in errors.cpp is the single mapping from domain error
// codes to HTTP statuses (docs/api.md lists it).
#include <string>

#include "domain/result.hpp"
#include "http/message.hpp"

namespace samen::http {

Response error_response(int status, const std::string& code, const std::string& message,
                        const std::string& field = {});
// Maps a domain Error to its status by code (validation_failed → 400, not_found → 404, ...).
Response error_response(const Error& error);
int status_for_code(const std::string& code);

}  // namespace samen::http
