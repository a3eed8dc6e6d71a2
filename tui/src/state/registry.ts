import type { Screen, ScreenKind, ScreenOf } from './screen.ts';
import type { ScreenLogic } from './screen-base.ts';
import { activityLogic } from './screens/activity.ts';
import { aliasesLogic } from './screens/aliases.ts';
import { bulkActionLogic } from './screens/bulk-action.ts';
import { buyLogic } from './screens/buy.ts';
import { changeMyPasswordLogic } from './screens/change-my-password.ts';
import { changeTypeLogic } from './screens/change-type.ts';
import { dashboardLogic } from './screens/dashboard.ts';
import { deleteMailboxLogic } from './screens/delete-mailbox.ts';
import { domainsLogic } from './screens/domains.ts';
import { editUserLogic } from './screens/edit-user.ts';
import { forwardingLogic } from './screens/forwarding.ts';
import { helpLogic } from './screens/help.ts';
import { homeLogic } from './screens/home.ts';
import { importLogic } from './screens/import.ts';
import { mailboxLogic } from './screens/mailbox.ts';
// tui-marks: the Mailboxes list with its marks (Space, *, b) on top of the list's own keys.
import { markedMailboxesLogic } from './screens/mailbox-marks.ts';
import { newMailboxLogic } from './screens/new-mailbox.ts';
import { pecChangePasswordLogic } from './screens/pec-change-password.ts';
import { pecCreateLogic } from './screens/pec-create.ts';
import { pecDeleteLogic } from './screens/pec-delete.ts';
import { pecHomeLogic } from './screens/pec-home.ts';
import { pecLoginLogic } from './screens/pec-login.ts';
import { pecMailboxLogic } from './screens/pec-mailbox.ts';
import { pecOwnPasswordLogic } from './screens/pec-own-password.ts';
import { pecResetLogic } from './screens/pec-reset.ts';
import { pecSearchLogic } from './screens/pec-search.ts';
import { profileAddLogic } from './screens/profile-add.ts';
import { profilesLogic } from './screens/profiles.ts';
import { quotaLogic } from './screens/quota.ts';
import { renameAddressLogic } from './screens/rename-address.ts';
import { resetPasswordLogic } from './screens/reset-password.ts';

const LOGIC: { readonly [K in ScreenKind]: ScreenLogic<ScreenOf<K>> } = {
  home: homeLogic,
  domains: domainsLogic,
  dashboard: dashboardLogic,
  mailboxes: markedMailboxesLogic,
  mailbox: mailboxLogic,
  newMailbox: newMailboxLogic,
  editUser: editUserLogic,
  resetPassword: resetPasswordLogic,
  quota: quotaLogic,
  changeType: changeTypeLogic,
  renameAddress: renameAddressLogic,
  forwarding: forwardingLogic,
  aliases: aliasesLogic,
  deleteMailbox: deleteMailboxLogic,
  buy: buyLogic,
  changeMyPassword: changeMyPasswordLogic,
  pecLogin: pecLoginLogic,
  pecHome: pecHomeLogic,
  pecCreate: pecCreateLogic,
  pecSearch: pecSearchLogic,
  pecMailbox: pecMailboxLogic,
  pecChangePassword: pecChangePasswordLogic,
  pecOwnPassword: pecOwnPasswordLogic,
  pecReset: pecResetLogic,
  pecDelete: pecDeleteLogic,
  profiles: profilesLogic,
  profileAdd: profileAddLogic,
  help: helpLogic,
  activity: activityLogic,
  // tui-marks
  bulkAction: bulkActionLogic,
  // Import (issue 9)
  import: importLogic,
};

/** The logic of a screen's kind; the one cast lives here so callers stay typed by the union. */
export function logicOf<S extends Screen>(screen: S): ScreenLogic<S> {
  return LOGIC[screen.kind] as unknown as ScreenLogic<S>;
}

/** Every screen kind the app has, in the registry's order; the every-screen test walks this list. */
export const SCREEN_KINDS = Object.keys(LOGIC) as readonly ScreenKind[];
