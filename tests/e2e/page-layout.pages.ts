// Every page of the portal, as page-layout.spec.ts measures it: who opens it
// and how to get there. A route under app/ that is in neither list below fails
// that spec, so a new page cannot be forgotten.

/** Who opens a page: nobody signed in, the demo pensioner of family A, a branch head of 1201, the administrator. */
export type Visitor = "anonymous" | "citizen" | "head" | "admin";

/** Ids a page's address needs, made by the spec before it walks the pages. */
export type Ids = { requestId: string };

export type LayoutPage = {
  /** The route as app/ spells it (`/account/requests/[id]`). */
  route: string;
  visitor: Visitor;
  path: string | ((ids: Ids) => string);
  /** What the page is measured in, when that is not just the page as it opens. */
  state?: string;
};

export const LAYOUT_PAGES: LayoutPage[] = [
  { route: "/", visitor: "anonymous", path: "/" },
  { route: "/login", visitor: "anonymous", path: "/login" },
  { route: "/register", visitor: "anonymous", path: "/register" },
  { route: "/track", visitor: "anonymous", path: "/track" },
  { route: "/visit", visitor: "anonymous", path: "/visit" },
  { route: "/forgot-password", visitor: "anonymous", path: "/forgot-password" },
  { route: "/staff/login", visitor: "anonymous", path: "/staff/login" },
  { route: "/staff/unlock", visitor: "anonymous", path: "/staff/unlock" },
  { route: "/staff/unlock/verify", visitor: "anonymous", path: "/staff/unlock/verify" },
  { route: "/dev/outbox", visitor: "anonymous", path: "/dev/outbox" },
  { route: "/email/verify", visitor: "anonymous", path: "/email/verify?token=not-a-link", state: "a link that is not valid: the message and the way to a new one" },

  { route: "/account", visitor: "citizen", path: "/account" },
  { route: "/account/requests", visitor: "citizen", path: "/account/requests" },
  { route: "/account/requests", visitor: "citizen", path: "/account/requests?kind=QUESTION&status=REJECTED", state: "no request matches the filters" },
  { route: "/account/requests/new", visitor: "citizen", path: "/account/requests/new" },
  { route: "/account/requests/[id]", visitor: "citizen", path: ({ requestId }) => `/account/requests/${requestId}` },
  { route: "/account/requests/[id]/receipt", visitor: "citizen", path: ({ requestId }) => `/account/requests/${requestId}/receipt` },
  { route: "/account/dependents", visitor: "citizen", path: "/account/dependents" },
  { route: "/account/dependents/new", visitor: "citizen", path: "/account/dependents/new" },
  { route: "/account/messages", visitor: "citizen", path: "/account/messages" },
  { route: "/account/file-views", visitor: "citizen", path: "/account/file-views" },
  { route: "/account/password", visitor: "citizen", path: "/account/password" },
  { route: "/account/security", visitor: "citizen", path: "/account/security" },
  { route: "/account/mandates", visitor: "citizen", path: "/account/mandates" },
  // Any id shows the code form (an unknown one is refused only when the code is sent).
  { route: "/account/mandates/[id]/confirm", visitor: "citizen", path: "/account/mandates/00000000-0000-4000-8000-000000000000/confirm" },
  { route: "/account/acting", visitor: "citizen", path: "/account/acting" },
  { route: "/account/email", visitor: "citizen", path: "/account/email" },
  { route: "/account/visits", visitor: "citizen", path: "/account/visits" },

  { route: "/staff", visitor: "head", path: "/staff" },
  { route: "/staff/requests", visitor: "head", path: "/staff/requests" },
  { route: "/staff/requests/[id]", visitor: "head", path: ({ requestId }) => `/staff/requests/${requestId}`, state: "claimed by the head: the decision form shown" },
  { route: "/staff/dashboard", visitor: "head", path: "/staff/dashboard" },
  { route: "/staff/team", visitor: "head", path: "/staff/team" },
  { route: "/staff/file-on-behalf", visitor: "head", path: "/staff/file-on-behalf" },
  { route: "/staff/mandates", visitor: "head", path: "/staff/mandates" },
  { route: "/staff/visits", visitor: "head", path: "/staff/visits" },
  { route: "/staff/file-on-behalf/[citizenNationalId]", visitor: "head", path: "/staff/file-on-behalf/0012345679?born=13540620" },

  { route: "/staff", visitor: "admin", path: "/staff" },
  { route: "/staff/admin/holidays", visitor: "admin", path: "/staff/admin/holidays" },
  { route: "/staff/admin/holidays", visitor: "admin", path: "/staff/admin/holidays?year=1406", state: "1406, with provisional days" },
  { route: "/staff/admin/messages", visitor: "admin", path: "/staff/admin/messages" },
  { route: "/staff/admin/emails", visitor: "admin", path: "/staff/admin/emails" },
  { route: "/staff/team", visitor: "admin", path: "/staff/team" },
];

/**
 * Pages reached only in the middle of a flow: the spec walks the flow and
 * measures each on the way (see its "journeys").
 */
export const JOURNEY_ROUTES = [
  "/register/national-id",
  "/register/mobile",
  "/register/verify",
  "/register/identity",
  "/register/account",
  "/register/review",
  "/register/result",
  "/forgot-password/verify",
  "/staff/login/code",
] as const;

/** Pages not measured, each with the reason. */
export const NOT_MEASURED: Record<string, string> = {
  "/visit/verify":
    "only a booked visit's look-up reaches it (branch-visit.spec.ts walks there and runs axe on it); it is the same one-field step form (components/forms/step-form.tsx) as /staff/login/code, which is measured",
  "/visit/manage":
    "only after a booked visit's SMS code (branch-visit.spec.ts walks there and runs axe on it); it is the booking component of /account/visits, which is measured",
  "/register/result/visit":
    "only a person refused at registration reaches it (branch-visit.spec.ts walks there and runs axe on it); it is the booking component (components/visits/visit-booking.tsx) of /account/visits, which is measured",
  "/login/code":
    "only citizens who turned on the second step reach it, and turning it on for a demo account would change what account.spec.ts finds; it is the same one-field step form (components/forms/step-form.tsx) as /staff/login/code, which is measured",
  "/staff/login/enrol":
    "only staff without an authenticator reach it (130101, whom staff-second-factor.spec.ts enrols meanwhile); visiting it starts an enrolment that spec would meet",
  "/forgot-password/new-password":
    "needs the SMS code sent to an account's mobile, and the one account whose password the tests may reset belongs to password-reset.spec.ts; its fields are the new-password fields of /account/password (components/forms/new-password-fields.tsx), which is measured",
  "/forgot-password/done": "reached only after /forgot-password/new-password (above); a heading, a paragraph and a link",
};
