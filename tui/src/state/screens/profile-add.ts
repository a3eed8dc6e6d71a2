import type { Lang } from '../../i18n/catalogue.ts';
import type { Profile } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { ask, FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, infoMessage, successMessage } from '../message.ts';
import { base, notReady, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Add a profile: server URL, admin user, CA file, PEC URL, account URL, language. Never a password. */
export interface ProfileAddScreen extends ScreenBase {
  readonly kind: 'profileAdd';
  readonly form: FormState;
  /** The profiles saved already (read when the form opens): a name among them is replaced only after a yes. */
  readonly existing: readonly Profile[] | null;
}

/** The Add profile form; its language starts as the UI's. */
export function profileAddScreen(lang: Lang = 'en'): ProfileAddScreen {
  return {
    kind: 'profileAdd',
    ...base({ op: 'profiles' }),
    existing: null,
    form: createForm([
      field('name', 'field.profileName', 'text'),
      field('url', 'field.url', 'text'),
      field('user', 'field.user', 'text'),
      field('ca', 'field.ca', 'text'),
      field('pecUrl', 'field.pecUrl', 'text'),
      field('accountUrl', 'field.accountUrl', 'text'),
      field('lang', 'field.lang', 'choice', lang, { options: ['it', 'en'] }),
    ]),
  };
}

function submit(s: ProfileAddScreen) {
  if (s.existing === null) return notReady(s);
  const name = fieldValue(s.form, 'name').trim();
  const url = fieldValue(s.form, 'url').trim();
  const user = fieldValue(s.form, 'user').trim();
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(name)) return stay({ ...s, message: errorMessage('profile.badName') });
  if (!URL.canParse(url) || !/^https?:/.test(url))
    return stay({ ...s, message: errorMessage('profile.badUrl', { field: 'field.url' }) });
  if (!user) return stay({ ...s, message: errorMessage('form.required', { field: 'field.user' }) });
  const pecUrl = fieldValue(s.form, 'pecUrl').trim();
  if (pecUrl && !URL.canParse(pecUrl))
    return stay({ ...s, message: errorMessage('profile.badUrl', { field: 'field.pecUrl' }) });
  const accountUrl = fieldValue(s.form, 'accountUrl').trim();
  if (accountUrl && (!URL.canParse(accountUrl) || !/^https?:/.test(accountUrl)))
    return stay({ ...s, message: errorMessage('profile.badUrl', { field: 'field.accountUrl' }) });
  const ca = fieldValue(s.form, 'ca').trim();
  const lang = fieldValue(s.form, 'lang') === 'en' ? 'en' : 'it';
  const profile: Profile = {
    name,
    url,
    user,
    lang,
    ...(ca ? { ca } : {}),
    ...(pecUrl ? { pecUrl } : {}),
    ...(accountUrl ? { accountUrl } : {}),
  };
  const old = s.existing.find((p) => p.name === name);
  if (old && !s.form.confirmed) return ask(s, infoMessage('profile.replace', { name, url: old.url }));
  return stay(withRequest(s, { op: 'saveProfile', profile }));
}

export const profileAddLogic: ScreenLogic<ProfileAddScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded: (s, data) =>
    data.kind === 'profiles' && s.existing === null
      ? stay({ ...s, existing: data.rows })
      : data.kind === 'profiles'
        ? {
            screen: s,
            nav: {
              type: 'pop',
              message: successMessage('profile.saved', { name: fieldValue(s.form, 'name').trim() }),
              reload: true,
            },
          }
        : stay(s),
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => [...FORM_FOOTER, 'cycle'],
};
