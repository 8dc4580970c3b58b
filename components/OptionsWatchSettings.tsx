/**
 * How long articles are watched, and whether a change also shows a notification. Notifications
 * need the optional "notifications" permission: it is asked on the reader's click (browsers only
 * show the request for a user gesture), and the setting is on only once it is granted.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { WATCH_DAYS } from '@/utils/watch-schedule';
import { readSettings, watchSettings, type WatchSettings } from '@/utils/watch-store';
import { OptionsNumberField } from './OptionsNumberField';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** The stored settings; "notify" counts as on only while the browser still grants the permission. */
async function currentSettings(): Promise<WatchSettings> {
  const stored = await readSettings();
  const allowed = stored.notify && (await browser.permissions.contains(NOTIFICATIONS).catch(() => false));
  return { ...stored, notify: allowed };
}

async function save(change: Partial<WatchSettings>): Promise<void> {
  await watchSettings.setValue({ ...(await readSettings()), ...change });
}

export function OptionsWatchSettings() {
  const [settings, setSettings] = useState<WatchSettings | null>(null);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    const refresh = (): void =>
      void currentSettings().then(
        (current) => live && setSettings(current),
        () => live && setSettings({ days: WATCH_DAYS.fallback, notify: false }),
      );
    refresh();
    const unwatch = watchSettings.watch(refresh);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const fail = (failure: unknown): void =>
    setError(t('optionsFailed', failure instanceof Error ? failure.message : String(failure)));

  const toggleNotify = (on: boolean): void => {
    setError('');
    if (!on) {
      setSettings((current) => current && { ...current, notify: false });
      save({ notify: false }).catch(fail);
      // Given back: Lede holds no permission it does not use.
      browser.permissions.remove(NOTIFICATIONS).catch(() => undefined);
      return;
    }
    // First thing in the click handler: the request needs the click's user gesture.
    browser.permissions
      .request(NOTIFICATIONS)
      .then((granted) => {
        setRefused(!granted);
        if (!granted) return;
        setSettings((current) => current && { ...current, notify: true });
        return save({ notify: true });
      })
      .catch(fail);
  };

  const notify = settings?.notify === true;
  return (
    <div class="watch-settings" role="group" aria-labelledby="watch-settings-heading">
      <h3 id="watch-settings-heading">{t('optionsWatchSettings')}</h3>
      <OptionsNumberField
        id="watch-days"
        label={t('optionsWatchDays')}
        unit={t('optionsWatchDaysUnit')}
        help={t('optionsWatchDaysHelp', [String(WATCH_DAYS.min), String(WATCH_DAYS.max)])}
        min={WATCH_DAYS.min}
        max={WATCH_DAYS.max}
        value={settings?.days ?? null}
        onCommit={(days) => {
          setSettings((current) => current && { ...current, days });
          save({ days }).catch(fail);
        }}
      />
      <div class="field">
        <button
          type="button"
          class="switch"
          role="switch"
          aria-checked={notify}
          aria-describedby="notify-note"
          disabled={settings === null}
          data-testid="notify"
          onClick={() => toggleNotify(!notify)}
        >
          {t('optionsNotify')}
        </button>
        <p id="notify-note" class="help" role="status" data-testid="notify-note">
          {refused ? t('optionsNotifyRefused') : error}
        </p>
      </div>
    </div>
  );
}
