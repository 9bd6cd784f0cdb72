// Sign-in and the setup listings: case groups and types, statuses, secondary status types, UDFs. Sign-in is
// documented; the listings' paths and shapes are ASSUMED (the connector's README), and answered as such.
import { json, problem, prop, type SimRoute } from './sim-context';

export const setupRoutes: SimRoute[] = [
  {
    method: 'POST',
    pattern: /^\/users\/authenticate$/,
    operation: 'authenticate',
    auth: false,
    write: false,
    handle(ctx, req) {
      const username = prop(req.body, 'Username');
      const password = prop(req.body, 'Password');
      const user = ctx.users.find((u) => u.username.toLowerCase() === String(username).toLowerCase() && u.password === password);
      // As the ASP.NET JWT template SmartAdvocate's answer follows: 400 with a message.
      if (!user) return { status: 400, body: { message: 'Username or password is incorrect' } };
      return json({ username: user.username, userID: user.userID, token: ctx.tokens.issue(user.userID) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/case\/casegroup$/,
    operation: 'CaseGroup',
    auth: true,
    write: false,
    handle: (ctx) => json(ctx.catalog.caseGroups),
  },
  {
    method: 'GET',
    pattern: /^\/case\/casetype$/,
    operation: 'CaseType',
    auth: true,
    write: false,
    handle(ctx, req) {
      const group = Number(req.query('caseGroupID'));
      if (!ctx.catalog.caseGroups.some((g) => g.caseGroupID === group)) return problem('caseGroupID', `Case group ${req.query('caseGroupID')} does not exist.`);
      return json(ctx.catalog.caseTypes.filter((t) => t.caseGroupID === group));
    },
  },
  {
    method: 'GET',
    pattern: /^\/case\/status$/,
    operation: 'Status',
    auth: true,
    write: false,
    handle: (ctx) => json(ctx.catalog.statuses),
  },
  {
    method: 'GET',
    pattern: /^\/case\/secondarystatustype$/,
    operation: 'SecondaryStatusType',
    auth: true,
    write: false,
    handle: (ctx) => json(ctx.catalog.secondaryStatusTypes),
  },
  {
    method: 'GET',
    pattern: /^\/case\/udf$/,
    operation: 'UDF',
    auth: true,
    write: false,
    fieldListing: true,
    handle: (ctx) => json(ctx.catalog.udfs),
  },
];
