#pragma once
// What the consent handlers share (consents_api.cpp records and reads grants,
// consent_parties_api.cpp lets a party sign or withdraw): the JSON shape of a grant and
// reading a nested object of a request body.
#include <boost/json/object.hpp>
#include <string>

#include "domain/case.hpp"
#include "domain/result.hpp"
#include "store/case_records.hpp"

namespace samen::api {

// The grant as every consent endpoint shows it at `now`: its `status` in time (active,
// future, expired, withdrawn), whether it has the parties the pupil's age needs now
// (`complete_for_age_now`) and, when not, which are missing (`missing_parties`: guardian,
// pupil), and the parties who signed after recording (`later_signatures`).
boost::json::object grant_json(const store::ConsentGrantRecord& record,
                               const domain::CaseFacts& pupil, domain::Millis now);

// body[name] as an object, or nullptr with `error` naming the field (prefix + name).
const boost::json::object* read_object(const boost::json::object& body, const char* name,
                                       Error& error, const std::string& prefix = {});

}  // namespace samen::api
