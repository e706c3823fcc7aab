import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import { LanguageSwitch } from '../components/layout/language-switch.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { Field } from '../components/ui/field.tsx';
import { useSession, useSignIn } from '../hooks/use-session.ts';
import { cityTimeZone } from '../lib/time.ts';

function SignInError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!isApiError(error)) return <ErrorMessage error={error} />;

  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    const text =
      seconds === undefined
        ? t('signIn.rateLimitedNoTime')
        : t('signIn.rateLimited', {
            seconds,
            time: new Intl.DateTimeFormat(i18n.language, {
              timeZone: cityTimeZone,
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
              hourCycle: 'h23',
            }).format(new Date(Date.now() + seconds * 1000)),
          });
    return (
      <div className="alert alert-error" role="alert" data-testid="sign-in-error">
        {text}
      </div>
    );
  }
  if (error.code === 'AUTH_INVALID_CREDENTIALS') {
    return (
      <div className="alert alert-error" role="alert" data-testid="sign-in-error">
        {t('signIn.invalid')}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const from = (location.state as { from?: unknown } | null)?.from;
  const target = typeof from === 'string' && from.startsWith('/') ? from : '/';

  if (session.data) return <Navigate to={target} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank = username.trim() === '' || password === '';
    setMissing(blank);
    if (blank) return;

    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate(target, { replace: true }) },
    );
  };

  return (
    <div className="sign-in">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <main className="sign-in-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <p className="muted">{t('app.tagline')}</p>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        <form onSubmit={submit} noValidate>
          <Field label={t('signIn.username')}>
            <input
              name="username"
              autoComplete="username"
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <Field label={t('signIn.password')}>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          {missing && (
            <div className="alert alert-error" role="alert">
              {t('signIn.missing')}
            </div>
          )}
          {signIn.error && <SignInError error={signIn.error} />}
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={signIn.isPending}
          >
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
