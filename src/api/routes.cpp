#include "api/routes.hpp"

namespace samen::api {

void register_routes(http::Router& router, AppContext& ctx) {
  register_health_routes(router, ctx);
  register_session_routes(router, ctx);
  register_draft_key_routes(router, ctx);
  register_login_routes(router, ctx);
  register_admin_routes(router, ctx);
  register_pupil_routes(router, ctx);
  register_import_routes(router, ctx);
  register_audit_routes(router, ctx);
  register_access_report_routes(router, ctx);
  register_signal_routes(router, ctx);
  register_signal_triage_routes(router, ctx);
  register_case_routes(router, ctx);
  register_case_team_routes(router, ctx);
  register_case_plan_routes(router, ctx);
  register_entry_routes(router, ctx);
  register_safety_routes(router, ctx);
  register_meeting_series_routes(router, ctx);
  register_meeting_routes(router, ctx);
  register_meeting_change_routes(router, ctx);
  register_meeting_minutes_routes(router, ctx);
  register_case_put_forward_routes(router, ctx);
  register_handover_routes(router, ctx);
  register_calendar_feed_routes(router, ctx);
  register_notification_routes(router, ctx);
  register_consent_routes(router, ctx);
  register_consent_party_routes(router, ctx);
  register_consent_request_routes(router, ctx);
  register_invitation_routes(router, ctx);
  register_invitation_accept_routes(router, ctx);
  register_password_setup_routes(router, ctx);
  register_family_routes(router, ctx);
  register_family_view_routes(router, ctx);
  register_meta_routes(router, ctx);
}

}  // namespace samen::api
