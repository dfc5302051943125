using System.Globalization;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using K = SecrecyDuty.Core.Import.ImportLayout.Keys;

namespace SecrecyDuty.Core.Import;

/// <summary>A row of the 单位 sheet. Text fields are "" and choices null where the cell was missing or bad (and reported).</summary>
public sealed record UnitImportRow(
    int Row,
    string Code,
    string Name,
    UnitKind? Kind,
    AdministrativeLevel? Level,
    string ParentCode,
    bool IsLargeOrMediumEnterprise = false,
    DateOnly? EstablishedOn = null);

/// <summary>A row of the 领导干部 sheet.</summary>
public sealed record LeaderImportRow(int Row, string StaffNumber, string Name, LeaderRank? Rank, bool? IsPartyMember, string? Phone, string? Email, string UnitCode);

/// <summary>A row of the 任职 sheet. <see cref="PeriodValid"/> when both dates were read and the period does not end before it starts.</summary>
public sealed record PostingImportRow(
    int Row,
    string StaffNumber,
    string UnitCode,
    PostingRole? Role,
    string Title,
    string? Portfolio,
    DateOnly? From,
    DateOnly? To,
    bool LeadsSecrecyWork = false)
{
    public bool PeriodValid => From is { } from && (To is null || To >= from);
}

/// <summary>
/// The rows of a file, typed, with every problem a row has on its own (required cells, lengths, choices,
/// dates). Problems between rows and with the database are <see cref="ImportChecks"/>'.
/// </summary>
public sealed class ImportBatch
{
    private readonly Dictionary<ImportSheet, ImportTable> _tables;

    private ImportBatch(IEnumerable<ImportTable> tables) => _tables = tables.ToDictionary(t => t.Sheet);

    public List<UnitImportRow> Units { get; } = [];

    public List<LeaderImportRow> Leaders { get; } = [];

    public List<PostingImportRow> Postings { get; } = [];

    public List<ImportError> Errors { get; } = [];

    public ImportCounts Counts => new(Units.Count, Leaders.Count, Postings.Count);

    /// <summary>A problem of a cell, named by the sheet and header as the file has them.</summary>
    public ImportError Error(ImportSheet sheet, int row, string key, string reason)
    {
        var column = _tables.TryGetValue(sheet, out var table) ? table.HeaderOf(key) : ImportLayout.Column(sheet, key).Header;
        var sheetName = table?.SheetName ?? ImportLayout.SheetName(sheet);
        return new ImportError(sheet, sheetName, row, column, reason);
    }

    /// <summary>The typed rows of <paramref name="workbook"/>; <paramref name="today"/> is the latest date a unit may have been set up.</summary>
    public static ImportBatch Parse(ImportWorkbook workbook, IStringLocalizer<Messages> l, DateOnly today, Action<int>? rowsParsed = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(l);
        var batch = new ImportBatch(workbook.Tables);
        batch.Errors.AddRange(workbook.Errors);
        var parsed = 0;
        foreach (var table in workbook.Tables)
        {
            foreach (var raw in table.Rows)
            {
                var cells = new RowReader(batch, table.Sheet, raw, l);
                switch (table.Sheet)
                {
                    case ImportSheet.Units:
                        // Cells in the template's order, so that a row's problems are reported in that order.
                        var code = cells.Text(K.Code);
                        var name = cells.Text(K.Name);
                        var kind = cells.Choice(K.Kind, ImportVocabulary.UnitKinds);
                        var level = cells.Choice(K.Level, ImportVocabulary.Levels);
                        var parent = cells.Text(K.ParentCode);
                        batch.Units.Add(new UnitImportRow(
                            raw.Number,
                            code,
                            name,
                            kind,
                            level,
                            parent,
                            cells.LargeOrMediumEnterprise(kind, raw[K.Kind]),
                            cells.EstablishedOn(today)));
                        break;
                    case ImportSheet.Leaders:
                        batch.Leaders.Add(new LeaderImportRow(
                            raw.Number,
                            cells.Text(K.StaffNumber),
                            cells.Text(K.Name),
                            cells.Choice(K.Rank, ImportVocabulary.Ranks),
                            cells.YesNo(K.PartyMember),
                            cells.Optional(K.Phone),
                            cells.Email(K.Email),
                            cells.Text(K.UnitCode)));
                        break;
                    case ImportSheet.Postings:
                        var from = cells.Date(K.From);
                        var to = cells.Date(K.To);
                        if (from is not null && to is not null && to < from)
                        {
                            batch.Errors.Add(batch.Error(ImportSheet.Postings, raw.Number, K.To, l["Enter an end date on or after the start date."]));
                        }

                        var staffNumber = cells.Text(K.StaffNumber);
                        var unitCode = cells.Text(K.UnitCode);
                        var role = cells.Choice(K.Role, ImportVocabulary.Roles);
                        var title = cells.Text(K.Title);
                        var portfolio = cells.Optional(K.Portfolio);
                        batch.Postings.Add(new PostingImportRow(
                            raw.Number,
                            staffNumber,
                            unitCode,
                            role,
                            title,
                            portfolio,
                            from,
                            to,
                            cells.LeadsSecrecyWork(role)));
                        break;
                }

                if (++parsed % 1000 == 0)
                {
                    rowsParsed?.Invoke(parsed);
                }
            }
        }

        return batch;
    }

    /// <summary>Reads the cells of one row, reporting each bad one.</summary>
    private sealed class RowReader(ImportBatch batch, ImportSheet sheet, ImportRawRow row, IStringLocalizer<Messages> l)
    {
        private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d"];

        /// <summary>A required text, or "" when it is missing or too long (and reported).</summary>
        public string Text(string key) => Optional(key) ?? "";

        public string? Optional(string key)
        {
            var column = ImportLayout.Column(sheet, key);
            var text = row[key];
            if (text.Length == 0)
            {
                if (column.Required)
                {
                    Report(key, l["Enter a value in this column."]);
                }

                return null;
            }

            if (column.MaxLength > 0 && text.Length > column.MaxLength)
            {
                Report(key, l["Shorten this to at most {0} characters.", column.MaxLength]);
                return null;
            }

            return text;
        }

        public T? Choice<T>(string key, EnumVocabulary<T> vocabulary)
            where T : struct, Enum
        {
            var text = Optional(key);
            if (text is null)
            {
                return null;
            }

            if (vocabulary.TryParse(text, out var value))
            {
                return value;
            }

            Report(key, l["Enter one of: {0}.", vocabulary.Choices]);
            return null;
        }

        public bool? YesNo(string key)
        {
            var text = Optional(key);
            if (text is null)
            {
                return null;
            }

            if (ImportVocabulary.TryParseYesNo(text, out var value))
            {
                return value;
            }

            Report(key, l["Enter 是 or 否."]);
            return null;
        }

        /// <summary>
        /// 是否国有大中型企业 (art. 2): only a state-owned enterprise can be one. Left empty, the kind decides: 国有大中型企业
        /// says yes, any other word no.
        /// </summary>
        public bool LargeOrMediumEnterprise(UnitKind? kind, string kindText)
        {
            var impliedByKind = ImportVocabulary.LargeOrMediumEnterpriseKindNames.Contains(kindText.Trim(), StringComparer.Ordinal);
            if (YesNo(K.LargeOrMediumEnterprise) is not { } large)
            {
                return impliedByKind;
            }

            if (large && kind is { } k && k != UnitKind.StateOwnedEnterprise)
            {
                Report(K.LargeOrMediumEnterprise, l["Only a state-owned enterprise can be large or medium (国有大、中型企业): enter 否, or correct the kind."]);
                return false;
            }

            if (!large && impliedByKind)
            {
                Report(K.LargeOrMediumEnterprise, l["The kind says 国有大中型企业: enter 是 here, or leave it empty, or enter the kind 国有企业."]);
            }

            return large;
        }

        /// <summary>成立日期: optional, never in the future.</summary>
        public DateOnly? EstablishedOn(DateOnly today)
        {
            var date = Date(K.EstablishedOn);
            if (date > today)
            {
                Report(K.EstablishedOn, l["The set-up date cannot be in the future: enter the date the unit was set up, or leave it empty."]);
                return null;
            }

            return date;
        }

        /// <summary>是否兼分管保密工作 (art. 6): refused on a leader-in-charge posting, which carries the charge by its role.</summary>
        public bool LeadsSecrecyWork(PostingRole? role)
        {
            if (YesNo(K.LeadsSecrecyWork) is not true)
            {
                return false;
            }

            if (role == PostingRole.SecrecyLeader)
            {
                Report(K.LeadsSecrecyWork, l["A leader in charge of secrecy work leads it by the role already: enter 否, or choose another role."]);
                return false;
            }

            return true;
        }

        public string? Email(string key)
        {
            var text = Optional(key);
            if (text is not null && !IsEmail(text))
            {
                Report(key, l["Enter a valid e-mail address, or leave it empty."]);
                return null;
            }

            return text;
        }

        public DateOnly? Date(string key)
        {
            var text = Optional(key);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Report(key, l["Enter the date as yyyy-MM-dd, e.g. 2024-01-31."]);
            return null;
        }

        private void Report(string key, string reason) => batch.Errors.Add(batch.Error(sheet, row.Number, key, reason));

        // The same check as the forms' FluentValidation EmailAddress rule: one @, something on each side.
        private static bool IsEmail(string text)
        {
            var at = text.IndexOf('@', StringComparison.Ordinal);
            return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
        }
    }
}
