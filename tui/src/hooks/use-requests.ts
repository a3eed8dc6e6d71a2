import { type Dispatch, useEffect, useRef } from 'react';
import { runBulkAction } from '../services/bulk-actions.ts';
import { describeError } from '../services/describe-error.ts';
import { ImportFileError, importPreview, importSetup } from '../services/import-service.ts';
import { journaled } from '../services/journal-service.ts';
import type { Session } from '../services/session.ts';
import type { Action, AppState } from '../state/app-reducer.ts';
import { isJob, type Loaded, progressKey, type Request } from '../state/requests.ts';

/** Maps one request to its service call; the only place where screens reach the backends. */
export async function runRequest(
  session: Session,
  req: Request,
  progress?: (data: Loaded) => void,
): Promise<Loaded> {
  const { zimbra, pec, account, profiles } = session;
  const done = { kind: 'done' } as const;
  switch (req.op) {
    case 'domains':
      return { kind: 'domains', rows: await zimbra.domains() };
    case 'dashboard':
      return { kind: 'dashboard', dashboard: await zimbra.dashboard(req.domain) };
    case 'mailboxPage': {
      const { op: _op, ...query } = req;
      return { kind: 'mailboxPage', page: await zimbra.mailboxPage(query) };
    }
    case 'newMailboxSetup':
      return { kind: 'newMailboxSetup', setup: await zimbra.newMailboxSetup(req.domain) };
    case 'createMailbox': {
      const { op: _op, ...input } = req;
      await zimbra.createMailbox(input);
      return done;
    }
    case 'addressCheck':
      return { kind: 'addressCheck', address: req.address, taken: await zimbra.addressTaken(req.address) };
    case 'pecNameCheck':
      return { kind: 'pecNameCheck', localPart: req.localPart, ...(await pec.nameCheck(req.localPart)) };
    case 'holder':
      return { kind: 'holder', holder: await zimbra.holder(req.address) };
    case 'rename':
      await zimbra.rename(req.address, req.givenName, req.sn);
      return done;
    case 'rulesFor':
      return { kind: 'rules', rules: await zimbra.rulesFor(req.address) };
    case 'setPassword':
      await zimbra.setPassword(req.address, req.password, req.mustChange);
      return done;
    case 'quota':
      return { kind: 'quota', quota: await zimbra.quota(req.address) };
    case 'deleteMailbox':
      await zimbra.deleteMailbox(req.address);
      return done;
    case 'buySetup':
      return { kind: 'buySetup', setup: await zimbra.buySetup(req.domain) };
    case 'setTypeLimit':
      await zimbra.setTypeLimit(req.domain, req.type, req.max);
      return done;
    case 'changeMyPassword':
      await account.changePassword(req.address, req.oldPassword, req.newPassword);
      return done;
    case 'mailboxDetail':
      return { kind: 'mailboxDetail', detail: await zimbra.detail(req.address) };
    case 'setStatus':
      await zimbra.setStatus(req.address, req.status);
      return done;
    case 'changeType':
      await zimbra.changeType(req.address, req.type);
      return done;
    case 'renameAddress':
      await zimbra.renameAddress(req.address, req.newAddress);
      return done;
    case 'setForwarding':
      await zimbra.setForwarding(req.address, req.to, req.allowed);
      return done;
    case 'addAlias':
      await zimbra.addAlias(req.address, req.alias);
      return done;
    case 'removeAlias':
      await zimbra.removeAlias(req.address, req.alias);
      return done;
    case 'setQuota':
      await zimbra.setQuota(req.address, req.bytes);
      return done;
    case 'pecLogin':
      await pec.login(req.username, req.password);
      return done;
    case 'pecDomain':
      return { kind: 'pecDomain', info: await pec.domain() };
    case 'pecRules':
      return { kind: 'rules', rules: await pec.rules() };
    case 'pecCreate':
      await pec.create(req.localPart, req.password, req.passwordConfirm);
      return done;
    case 'pecSearch':
      return { kind: 'pecResults', rows: await pec.search(req.q) };
    case 'pecGet':
      return { kind: 'pecMailbox', mailbox: await pec.get(req.localPart) };
    case 'pecChangePassword':
      await pec.changePassword(req.localPart, req.password, req.passwordConfirm);
      return done;
    case 'pecOwnPassword':
      await pec.changeOwnPassword(req.currentPassword, req.password, req.passwordConfirm);
      return done;
    case 'pecReset':
      return { kind: 'temporaryPassword', password: await pec.resetPassword(req.localPart) };
    case 'pecDeleteWarning':
      return { kind: 'pecDeleteWarning', warning: await pec.deleteWarning(req.localPart) };
    case 'pecDelete':
      await pec.delete(req.localPart, req.confirm);
      return done;
    case 'pecLogout':
      await pec.logout();
      return done;
    case 'profiles':
      return { kind: 'profiles', rows: profiles.list() };
    case 'saveProfile':
      profiles.save(req.profile);
      return { kind: 'profiles', rows: profiles.list() };
    case 'deleteProfile':
      profiles.remove(req.name);
      return { kind: 'profiles', rows: profiles.list() };
    case 'addresses':
      return {
        kind: 'addresses',
        matches: await zimbra.addressesStartingWith(req.domain, req.prefix, req.limit),
      };
    case 'journal':
      return {
        kind: 'journal',
        rows: (session.journal?.read() ?? []).reverse(),
        path: session.journal?.path ?? null,
      };
    // tui-marks: rows are journaled by the engine's journal, the job by the service.
    case 'bulkAction':
      return runBulkAction(session, req.selection, req.action, progress);
    // Import (issue 9): reads here; the run is a job (progress, abort) started by useJobs.
    case 'importSetup':
      return { kind: 'importSetup', setup: await importSetup(process.cwd()) };
    case 'importPreview':
      try {
        return { kind: 'importPreview', preview: await importPreview(session, process.cwd(), req.path) };
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        return { kind: 'importUnreadable', path: error.path, reason: error.reason };
      }
    case 'importRun':
      throw new Error('importRun is a job: useJobs runs it');
  }
}

/** Starts every request a screen has put in state, once, and dispatches its answer or error. */
export function useRequests(state: AppState, dispatch: Dispatch<Action>, session: Session): void {
  const started = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    // Detached screens too: a change whose screen was left before it started still runs and reports.
    for (const screen of [...state.stack, ...state.detached]) {
      const pending = screen.pending;
      if (!pending || isJob(pending.req)) continue;
      const tag = `${screen.id}:${pending.seq}`;
      if (started.current.has(tag)) continue;
      started.current.add(tag);
      const { id } = screen;
      const { seq } = pending;
      // tui-marks: a long request (a bulk action) reports progress as a background answer of its screen.
      const progress = (data: Loaded) =>
        mounted.current && dispatch({ type: 'fetched', id, key: progressKey(seq), data });
      journaled(session.journal, session.env, pending.req, () =>
        runRequest(session, pending.req, progress),
      ).then(
        (data) => mounted.current && dispatch({ type: 'loaded', id, seq, data }),
        (error: unknown) =>
          mounted.current && dispatch({ type: 'failed', id, seq, message: describeError(error) }),
      );
    }
  }, [state.stack, state.detached, dispatch, session]);
}
