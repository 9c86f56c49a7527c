/**
 * A labelled filter <select> of the list pages. `value` "" is the "Any" choice when
 * `anyLabel` is given; `onChange` gets the chosen option's value.
 */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
  anyLabel,
  className = "",
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  anyLabel?: string;
  className?: string;
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-muted">{label}</span>
      <select className={`rounded border border-line-strong bg-surface px-2 py-1 ${className}`} value={value} onChange={(e) => onChange(e.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Options whose label is their value. */
export const plainOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
