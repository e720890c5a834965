#pragma once
// Registers every endpoint of the API on a router. Each resource has its own file with a
// register_* function; this is the one list of them.
#include "api/context.hpp"
#include "http/router.hpp"

namespace samen::api {

void register_routes(http::Router& router, AppContext& ctx);

void register_health_routes(http::Router& router, AppContext& ctx);
void register_session_routes(http::Router& router, AppContext& ctx);
void register_login_routes(http::Router& router, AppContext& ctx);
void register_admin_routes(http::Router& router, AppContext& ctx);
void register_pupil_routes(http::Router& router, AppContext& ctx);
void register_import_routes(http::Router& router, AppContext& ctx);
void register_audit_routes(http::Router& router, AppContext& ctx);
void register_access_report_routes(http::Router& router, AppContext& ctx);
void register_signal_routes(http::Router& router, AppContext& ctx);
void register_signal_triage_routes(http::Router& router, AppContext& ctx);
void register_case_routes(http::Router& router, AppContext& ctx);
void register_case_team_routes(http::Router& router, AppContext& ctx);
void register_case_plan_routes(http::Router& router, AppContext& ctx);
void register_entry_routes(http::Router& router, AppContext& ctx);
void register_safety_routes(http::Router& router, AppContext& ctx);
void register_meeting_series_routes(http::Router& router, AppContext& ctx);
void register_meeting_routes(http::Router& router, AppContext& ctx);
void register_meeting_change_routes(http::Router& router, AppContext& ctx);
void register_meeting_minutes_routes(http::Router& router, AppContext& ctx);
void register_case_put_forward_routes(http::Router& router, AppContext& ctx);
void register_handover_routes(http::Router& router, AppContext& ctx);
void register_calendar_feed_routes(http::Router& router, AppContext& ctx);
void register_notification_routes(http::Router& router, AppContext& ctx);
void register_draft_key_routes(http::Router& router, AppContext& ctx);
void register_consent_routes(http::Router& router, AppContext& ctx);
void register_consent_party_routes(http::Router& router, AppContext& ctx);
void register_consent_request_routes(http::Router& router, AppContext& ctx);
void register_invitation_routes(http::Router& router, AppContext& ctx);
void register_invitation_accept_routes(http::Router& router, AppContext& ctx);
void register_password_setup_routes(http::Router& router, AppContext& ctx);
void register_family_routes(http::Router& router, AppContext& ctx);
void register_family_view_routes(http::Router& router, AppContext& ctx);
void register_meta_routes(http::Router& router, AppContext& ctx);

}  // namespace samen::api
