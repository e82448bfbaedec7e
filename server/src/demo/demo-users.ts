/** Demo logins printed on start; the password is the login followed by "-demo-1". */
export const DEMO_USERS = [
  { login: 'operator', name: 'Olga Operator', roleCodes: ['operator'] },
  { login: 'specialist', name: 'Sergey Specialist', roleCodes: ['specialist'] },
  { login: 'manager', name: 'Maria Manager', roleCodes: ['manager'] },
  { login: 'analyst', name: 'Anton Analyst', roleCodes: ['analyst'] },
] as const;

export const demoPassword = (login: string) => `${login}-demo-1`;
