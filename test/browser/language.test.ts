import { BrowserSession, startBrowserSession } from '../helpers/browser';

describe('switching the console language', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession();
  });
  afterAll(() => s?.close());

  it('turns the sign-in page, the shell, the pages and antd itself into Russian, and remembers the choice', async () => {
    await s.open('/login');
    await s.page.getByText('RU', { exact: true }).click();
    await s.page.getByRole('heading', { name: 'Вход в Docket' }).waitFor();
    await s.page.getByLabel('Логин').fill('admin');
    await s.page.getByLabel('Пароль').fill('wrong-password');
    await s.page.getByRole('button', { name: 'Войти' }).click();
    await s.page.getByRole('alert').waitFor();
    expect(await s.page.getByRole('alert').innerText()).toBe('Неверный логин или пароль.');

    await s.page.getByLabel('Пароль').fill(s.app.adminPassword);
    await s.page.getByRole('button', { name: 'Войти' }).click();
    await s.page.getByRole('heading', { name: 'Добро пожаловать, Administrator' }).waitFor();
    const menu = s.page.getByRole('navigation', { name: 'main' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Главная', 'Темы и атрибуты', 'Моделирование маршрутов', 'Справочники', 'Настройки SLA', 'Настройка приёма', 'Шаблоны уведомлений', 'Классификация', 'Выгрузка и загрузка', 'Очереди', 'Пользователи', 'Роли', 'Рабочие группы', 'API-токены', 'Журнал аудита', 'Новый контакт', 'Обращения', 'Проблемы', 'Наряды', 'База знаний', 'Нарушения SLA', 'Сводка', 'Отчёты']);

    await menu.getByRole('link', { name: 'Пользователи' }).click();
    await s.page.getByRole('heading', { name: 'Пользователи' }).waitFor();
    // antd's own texts follow: the page-size changer is labelled by antd's Russian locale.
    await s.page.getByText('20 / стр.').waitFor();
    expect(await s.page.getByRole('columnheader').allInnerTexts()).toEqual(['Логин', 'Имя', 'Эл. почта', 'Роли', 'Состояние', 'Действия']);
    await s.screenshot('users-in-russian');

    await s.page.reload();
    await s.page.getByRole('heading', { name: 'Пользователи' }).waitFor();
    expect(await s.page.locator('html').getAttribute('lang')).toBe('ru');

    await s.page.getByText('EN', { exact: true }).click();
    await s.page.getByRole('heading', { name: 'Users' }).waitFor();
    expect(await s.page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  });
});
