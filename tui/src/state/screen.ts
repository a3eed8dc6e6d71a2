import type { ActivityScreen } from './screens/activity.ts';
import type { AliasesScreen } from './screens/aliases.ts';
import type { BulkActionScreen } from './screens/bulk-action.ts';
import type { BuyScreen } from './screens/buy.ts';
import type { ChangeMyPasswordScreen } from './screens/change-my-password.ts';
import type { ChangeTypeScreen } from './screens/change-type.ts';
import type { DashboardScreen } from './screens/dashboard.ts';
import type { DeleteMailboxScreen } from './screens/delete-mailbox.ts';
import type { DomainsScreen } from './screens/domains.ts';
import type { EditUserScreen } from './screens/edit-user.ts';
import type { ForwardingScreen } from './screens/forwarding.ts';
import type { HelpScreen } from './screens/help.ts';
import type { HomeScreen } from './screens/home.ts';
import type { ImportScreen } from './screens/import.ts';
import type { MailboxScreen } from './screens/mailbox.ts';
import type { MailboxesScreen } from './screens/mailboxes.ts';
import type { NewMailboxScreen } from './screens/new-mailbox.ts';
import type { PecChangePasswordScreen } from './screens/pec-change-password.ts';
import type { PecCreateScreen } from './screens/pec-create.ts';
import type { PecDeleteScreen } from './screens/pec-delete.ts';
import type { PecHomeScreen } from './screens/pec-home.ts';
import type { PecLoginScreen } from './screens/pec-login.ts';
import type { PecMailboxScreen } from './screens/pec-mailbox.ts';
import type { PecOwnPasswordScreen } from './screens/pec-own-password.ts';
import type { PecResetScreen } from './screens/pec-reset.ts';
import type { PecSearchScreen } from './screens/pec-search.ts';
import type { ProfileAddScreen } from './screens/profile-add.ts';
import type { ProfilesScreen } from './screens/profiles.ts';
import type { QuotaScreen } from './screens/quota.ts';
import type { RenameAddressScreen } from './screens/rename-address.ts';
import type { ResetPasswordScreen } from './screens/reset-password.ts';

/** Every screen of the app, discriminated by `kind`; the navigation stack holds these. */
export type Screen =
  | HomeScreen
  | DomainsScreen
  | DashboardScreen
  | MailboxesScreen
  | MailboxScreen
  | NewMailboxScreen
  | EditUserScreen
  | ResetPasswordScreen
  | QuotaScreen
  | ChangeTypeScreen
  | RenameAddressScreen
  | ForwardingScreen
  | AliasesScreen
  | DeleteMailboxScreen
  | BuyScreen
  | ChangeMyPasswordScreen
  | PecLoginScreen
  | PecHomeScreen
  | PecCreateScreen
  | PecSearchScreen
  | PecMailboxScreen
  | PecChangePasswordScreen
  | PecOwnPasswordScreen
  | PecResetScreen
  | PecDeleteScreen
  | ProfilesScreen
  | ProfileAddScreen
  | HelpScreen
  | ActivityScreen
  // tui-marks
  | BulkActionScreen
  | ImportScreen;

/** The name of a screen kind. */
export type ScreenKind = Screen['kind'];

/** The screen type of one kind. */
export type ScreenOf<K extends ScreenKind> = Extract<Screen, { kind: K }>;
