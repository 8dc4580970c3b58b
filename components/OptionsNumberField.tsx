interface Props {
  /** The input's id and data-testid. */
  id: string;
  /** Before the number, and after it: "Keep up to [500] articles". */
  label: string;
  unit: string;
  help: string;
  min: number;
  max: number;
  /** Null while the stored value loads. */
  value: number | null;
  onCommit: (value: number) => void;
}

/** A whole number within bounds; anything else typed becomes the nearest one, or the stored one. */
export function wholeWithin(typed: string, min: number, max: number, fallback: number): number {
  const number = typed.trim() === '' ? NaN : Number(typed);
  if (!Number.isFinite(number)) return fallback;
  return Math.min(max, Math.max(min, Math.round(number)));
}

/**
 * A number setting, saved when the reader commits it (Enter, leaving the field, the arrows), not at
 * each keystroke: typing 1000 would otherwise save 1, then 10, then 100 on the way.
 */
export function OptionsNumberField({ id, label, unit, help, min, max, value, onCommit }: Props) {
  return (
    <div class="field">
      {/* The label wraps the input so its name reads whole: "Keep up to 500 articles". */}
      <label>
        {label}{' '}
        <input
          id={id}
          data-testid={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value ?? ''}
          disabled={value === null}
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            const input = event.currentTarget;
            const next = wholeWithin(input.value, min, max, value ?? min);
            input.value = String(next);
            onCommit(next);
          }}
        />{' '}
        {unit}
      </label>
      <p id={`${id}-help`} class="help">
        {help}
      </p>
    </div>
  );
}
