/**
 * Sign in. In the embedded default the development issuer hands out a token for any user
 * and groups; in production (issuer off, 404) the user pastes their identity provider's token.
 */
import { ApiError } from '../api/client';
import { auth } from '../api/endpoints';
import { currentSession, saveToken } from '../auth';
import type { Page } from '../router';
import { errorBox, h, replace } from '../ui/dom';

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
    h('h1', { id: 'login-title' }, 'Sign in'),
    h('label', { for: 'login-user' }, 'User'),
    user,
    h(
      'label',
      { for: 'login-groups' },
      'Groups ',
      h('span', { class: 'hint' }, '(comma separated: sales, pmc, rnd, process-owner, manager, …)'),
    ),
    groups,
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in'),
    status,
  );
  devForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(status, 'Signing in…');
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
        error instanceof ApiError && error.status === 404
          ? 'The development sign-in is off on this server: paste a token from your identity provider below.'
          : error instanceof ApiError
            ? error.plain
            : String(error);
      replace(status, errorBox(message));
    }
  });

  const token = h('textarea', { name: 'token', id: 'login-token', rows: 3, placeholder: 'eyJhbGciOi…' });
  const tokenForm = h(
    'form',
    { class: 'card login-form' },
    h('h2', {}, 'Or use a token'),
    h('label', { for: 'login-token' }, 'Bearer token from your identity provider'),
    token,
    h('button', { type: 'submit', class: 'btn' }, 'Use token'),
  );
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveToken(token.value.trim());
    if (!currentSession()) {
      replace(status, errorBox('That is not a readable, unexpired JWT.'));
      return;
    }
    navigate(next, { replace: true });
  });

  root.append(
    h(
      'div',
      { class: 'login' },
      devForm,
      h('details', {}, h('summary', {}, 'Production sign-in'), tokenForm),
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
