import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission } from '../../../server/src/auth/permissions';
import { get, post, sessionToken, whenSessionEnds } from '../api/client';
import type { Session, User } from '../api/types';

export type { Permission };

export interface Auth {
  /** `undefined` while the stored session is being checked. */
  user: User | null | undefined;
  /** True after the user signed out on purpose: the next sign-in starts at home, not where they were. */
  signedOut: boolean;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(() => (sessionToken.get() ? undefined : null));
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    whenSessionEnds(() => setUser(null));
    if (!sessionToken.get()) return;
    // The permissions of /auth/me are what this session can really do (a token may be scoped down).
    get<User>('/auth/me').then(setUser, () => setUser(null));
  }, []);

  const signIn = useCallback(async (login: string, password: string) => {
    const session = await post<Session>('/auth/login', { login, password });
    sessionToken.set(session.token);
    setSignedOut(false);
    setUser(session.user);
  }, []);

  const signOut = useCallback(async () => {
    // Leaving must work even when the server is gone: the local session is dropped whatever it answers.
    await post('/auth/logout').catch(() => undefined);
    sessionToken.clear();
    setSignedOut(true);
    setUser(null);
  }, []);

  const auth = useMemo<Auth>(
    () => ({ user, signedOut, signIn, signOut, can: (permission) => user?.permissions.includes(permission) ?? false }),
    [user, signedOut, signIn, signOut],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
