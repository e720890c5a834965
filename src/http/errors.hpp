#pragma once
// Every error leaves Samen as {"error": {"code", "message", "field"?}} with the status that
// belongs to its code. The table in errors.cpp is the single mapping from error codes to
// HTTP statuses: nobody picks a status for an error by hand, a code outside the table is a
// bug (500), and docs/api.md lists exactly the table (tests/integration/test_error_table.py
// walks it against docs/api.md, docs/openapi.yaml and the codes the sources use).
#include <string>
#include <utility>
#include <vector>

#include "domain/result.hpp"
#include "http/message.hpp"

namespace samen::http {

// The answer for `code`, with the status the table gives it.
Response error_response(const std::string& code, const std::string& message,
                        const std::string& field = {});
Response error_response(const Error& error);
// 500 for a code the table does not know.
int status_for_code(const std::string& code);
// The table, in the order docs/api.md lists it: (code, status).
const std::vector<std::pair<std::string, int>>& error_table();

}  // namespace samen::http
