/**
 * Sign in. In the embedded default the development issuer hands out a token for any user
 * and groups; in production (issuer off, 404) the user pastes their identity provider's token.
 */
import { ApiError, messageOf } from '../api/client';
import { auth } from '../api/endpoints';
import { currentSession, saveToken } from '../auth';
import type { Page } from '../router';
import { errorBox, h, replace } from '../ui/dom';
import { t } from '../i18n';

const login: Page = (root, { query, navigate }) => {
  const next = safeNext(query.get('next'));
  const session = currentSession();
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  const user = h('input', {
    name: 'user',
    id: 'login-user',
    required: true,
    autocomplete: 'username',
    value: session?.user ?? '',
    placeholder: 'wang.fang',
  });
  const groups = h('input', {
    name: 'groups',
    id: 'login-groups',
    value: session?.groups.join(', ') ?? '',
    placeholder: 'process-owner, sales',
  });
  const devForm = h(
    'form',
    { class: 'card login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, t('login.title')),
    h('label', { for: 'login-user' }, t('login.user')),
    user,
    h(
      'label',
      { for: 'login-groups' },
      t('login.groups'),
      h('span', { class: 'hint' }, t('login.groupsHint')),
    ),
    groups,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('login.submit')),
    status,
  );
  devForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(status, t('login.signingIn'));
    const groupList = groups.value
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    try {
      const { token } = await auth.devToken(user.value.trim(), groupList);
      saveToken(token);
      navigate(next, { replace: true });
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 404 ? t('login.devOff') : messageOf(error);
      replace(status, errorBox(message));
    }
  });

  const token = h('textarea', { name: 'token', id: 'login-token', rows: 3, placeholder: 'eyJhbGciOi…' });
  const tokenForm = h(
    'form',
    { class: 'card login-form' },
    h('h2', {}, t('login.orToken')),
    h('label', { for: 'login-token' }, t('login.tokenLabel')),
    token,
    h('button', { type: 'submit', class: 'btn' }, t('login.useToken')),
  );
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveToken(token.value.trim());
    if (!currentSession()) {
      replace(status, errorBox(t('login.badToken')));
      return;
    }
    navigate(next, { replace: true });
  });

  root.append(
    h(
      'div',
      { class: 'login' },
      devForm,
      h('details', {}, h('summary', {}, t('login.production')), tokenForm),
    ),
  );
  user.focus();
};

/** Only same-origin paths: never send the user somewhere else after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : '/processes';
}

export default login;
