// GET /api/meta: the lists the API accepts, in the order the UI shows them — one source for
// the web UI's categories, roles, levels and the rest (domain/vocabulary.hpp). No personal
// data; for a signed-in user, since only the signed-in screens use it.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/case.hpp"
#include "domain/vocabulary.hpp"

namespace samen::api {
namespace {

namespace json = boost::json;

template <typename List>
json::array codes(const List& list) {
  json::array out;
  for (const auto& item : list) {
    if constexpr (std::is_convertible_v<decltype(item), std::string_view>)
      out.emplace_back(std::string_view(item));
    else
      out.emplace_back(domain::to_string(item));
  }
  return out;
}

json::object meta_json() {
  json::array levels;
  for (int level = domain::kLowestLevel; level <= domain::kHighestLevel; ++level)
    levels.emplace_back(level);
  return {{"categories", codes(domain::all_entry_categories())},
          {"audiences", codes(domain::all_audiences())},
          {"entry_kinds", codes(domain::professional_entry_kinds())},
          {"roles", codes(domain::all_roles())},
          {"staff_roles", codes(domain::staff_roles())},
          {"case_roles", codes(domain::case_roles())},
          {"levels", std::move(levels)},
          {"signal_urgencies", codes(domain::signal_urgencies())},
          {"case_outcomes", codes(domain::case_outcomes())},
          {"consent_sources", codes(domain::professional_consent_sources())},
          {"organisation_types", codes(domain::all_org_types())},
          {"school_types", codes(domain::all_school_types())}};
}

http::Reply meta(AppContext&, http::Request&, store::ReadTx&, const Actor&) {
  static const std::string body = json::serialize(meta_json());
  http::Reply reply;
  reply.response->status = 200;
  reply.response->body = body;
  return reply;
}

}  // namespace

void register_meta_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/meta", authenticated(ctx, meta));
}

}  // namespace samen::api
