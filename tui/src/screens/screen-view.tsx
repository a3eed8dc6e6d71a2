import type { Translate } from '../i18n/index.tsx';
import type { Screen } from '../state/screen.ts';
import type { Env } from '../state/screen-base.ts';
import { ActivityView } from './activity.tsx';
import { AliasesView } from './aliases.tsx';
import { BulkActionView } from './bulk-action.tsx';
import { BuyView } from './buy.tsx';
import { ChangeMyPasswordView } from './change-my-password.tsx';
import { ChangeTypeView } from './change-type.tsx';
import { DashboardView } from './dashboard.tsx';
import { DeleteMailboxView } from './delete-mailbox.tsx';
import { DomainsView } from './domains.tsx';
import { EditUserView } from './edit-user.tsx';
import { ForwardingView } from './forwarding.tsx';
import { HelpView } from './help.tsx';
import { HomeView } from './home.tsx';
import { ImportView } from './import.tsx';
import { MailboxView } from './mailbox.tsx';
import { MailboxesView } from './mailboxes.tsx';
import { NewMailboxView } from './new-mailbox.tsx';
import { PecChangePasswordView } from './pec-change-password.tsx';
import { PecCreateView } from './pec-create.tsx';
import { PecDeleteView } from './pec-delete.tsx';
import { PecHomeView } from './pec-home.tsx';
import { PecLoginView } from './pec-login.tsx';
import { PecMailboxView } from './pec-mailbox.tsx';
import { PecOwnPasswordView } from './pec-own-password.tsx';
import { PecResetView } from './pec-reset.tsx';
import { PecSearchView } from './pec-search.tsx';
import { ProfileAddView } from './profile-add.tsx';
import { ProfilesView } from './profiles.tsx';
import { QuotaView } from './quota.tsx';
import { RenameAddressView } from './rename-address.tsx';
import { ResetPasswordView } from './reset-password.tsx';

/** Props of {@link ScreenView}. */
export interface ScreenViewProps {
  /** The screen on top of the stack. */
  readonly screen: Screen;
  /** Who is logged in, where, and in which mode. */
  readonly env: Env;
  /** Lines available to the view's body. */
  readonly height: number;
  /** Rows of a list window (the reducer pages by the same number). */
  readonly listRows: number;
  /** Columns of the terminal. */
  readonly width: number;
}

/** Renders the view of whichever screen is on top. */
export function ScreenView({ screen, env, height, listRows, width }: ScreenViewProps) {
  const room = { height, listRows, width };
  switch (screen.kind) {
    case 'home':
      return <HomeView screen={screen} {...room} user={env.user} server={env.server} />;
    case 'domains':
      return <DomainsView screen={screen} {...room} />;
    case 'dashboard':
      return <DashboardView screen={screen} {...room} />;
    case 'mailboxes':
      return <MailboxesView screen={screen} {...room} />;
    case 'mailbox':
      return <MailboxView screen={screen} {...room} />;
    case 'newMailbox':
      return <NewMailboxView screen={screen} {...room} />;
    case 'editUser':
      return <EditUserView screen={screen} {...room} />;
    case 'resetPassword':
      return <ResetPasswordView screen={screen} {...room} />;
    case 'quota':
      return <QuotaView screen={screen} {...room} />;
    case 'changeType':
      return <ChangeTypeView screen={screen} {...room} />;
    case 'renameAddress':
      return <RenameAddressView screen={screen} {...room} />;
    case 'forwarding':
      return <ForwardingView screen={screen} {...room} />;
    case 'aliases':
      return <AliasesView screen={screen} {...room} />;
    case 'deleteMailbox':
      return <DeleteMailboxView screen={screen} {...room} />;
    case 'buy':
      return <BuyView screen={screen} {...room} />;
    case 'changeMyPassword':
      return <ChangeMyPasswordView screen={screen} {...room} />;
    case 'pecLogin':
      return <PecLoginView screen={screen} {...room} demo={env.demo} />;
    case 'pecHome':
      return <PecHomeView screen={screen} {...room} />;
    case 'pecCreate':
      return <PecCreateView screen={screen} {...room} />;
    case 'pecSearch':
      return <PecSearchView screen={screen} {...room} />;
    case 'pecMailbox':
      return <PecMailboxView screen={screen} {...room} />;
    case 'pecChangePassword':
      return <PecChangePasswordView screen={screen} {...room} />;
    case 'pecOwnPassword':
      return <PecOwnPasswordView screen={screen} {...room} />;
    case 'pecReset':
      return <PecResetView screen={screen} {...room} />;
    case 'pecDelete':
      return <PecDeleteView screen={screen} {...room} />;
    case 'activity':
      return <ActivityView screen={screen} {...room} />;
    // tui-marks
    case 'bulkAction':
      return <BulkActionView screen={screen} {...room} />;
    case 'profiles':
      return <ProfilesView screen={screen} {...room} />;
    case 'profileAdd':
      return <ProfileAddView screen={screen} {...room} />;
    case 'help':
      return <HelpView screen={screen} {...room} />;
    case 'import':
      return <ImportView screen={screen} {...room} />;
  }
}

/** The breadcrumb part of a screen. */
export function crumbOf(screen: Screen, t: Translate): string {
  switch (screen.kind) {
    case 'home':
      return t('crumb.home');
    case 'dashboard':
      return screen.domain;
    case 'mailbox':
      return screen.address;
    case 'pecHome':
      return screen.info?.name ?? t('crumb.pecHome');
    case 'pecMailbox':
      return screen.address;
    default:
      return t(`crumb.${screen.kind}`);
  }
}
