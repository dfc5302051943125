namespace SecrecyDuty.Core.Import;

/// <summary>The three sheets of an import workbook, in the order they are read and written.</summary>
public enum ImportSheet
{
    Units,
    Leaders,
    Postings,
}

public enum ImportFileFormat
{
    Xlsx,
    Csv,
}

/// <summary>What a column holds, so that the reader knows how to parse it.</summary>
public enum ImportColumnKind
{
    Text,
    Choice,
    YesNo,
    Date,
}

/// <summary>
/// A column of an import sheet: its Chinese header (as in the template), an English alias the reader also
/// accepts, whether it must be filled in, its length limit (the database's) and the template's example.
/// </summary>
public sealed record ImportColumn(string Key, string Header, string EnglishHeader, ImportColumnKind Kind, bool Required, int MaxLength, string Example);

/// <summary>
/// The layout of the import template. Headers are Chinese (the users' language and the template's);
/// English aliases are accepted so that a file made by another system can be read too.
/// </summary>
public static class ImportLayout
{
    /// <summary>
    /// A data row whose first filled cell starts with this word is the template's example row (or a note)
    /// and is skipped, so that the template can be filled in below its example without deleting it.
    /// </summary>
    public const string ExampleMarker = "示例";

    public const string ExamplePrefix = ExampleMarker + "：";

    public static IReadOnlyList<ImportSheet> Sheets { get; } = [ImportSheet.Units, ImportSheet.Leaders, ImportSheet.Postings];

    public static class Keys
    {
        public const string Code = nameof(Code);
        public const string Name = nameof(Name);
        public const string Kind = nameof(Kind);
        public const string Level = nameof(Level);
        public const string ParentCode = nameof(ParentCode);
        public const string LargeOrMediumEnterprise = nameof(LargeOrMediumEnterprise);
        public const string EstablishedOn = nameof(EstablishedOn);
        public const string StaffNumber = nameof(StaffNumber);
        public const string Rank = nameof(Rank);
        public const string PartyMember = nameof(PartyMember);
        public const string Phone = nameof(Phone);
        public const string Email = nameof(Email);
        public const string UnitCode = nameof(UnitCode);
        public const string Role = nameof(Role);
        public const string Title = nameof(Title);
        public const string Portfolio = nameof(Portfolio);
        public const string From = nameof(From);
        public const string To = nameof(To);
        public const string LeadsSecrecyWork = nameof(LeadsSecrecyWork);
    }

    private static readonly ImportColumn[] UnitColumns =
    [
        new(Keys.Code, "单位代码", "Code", ImportColumnKind.Text, true, 32, "SF-BGT"),
        new(Keys.Name, "单位名称", "Name", ImportColumnKind.Text, true, 200, "中共示范省委办公厅"),
        new(Keys.Kind, "单位类别", "Kind", ImportColumnKind.Choice, true, 0, "党的机关"),
        new(Keys.Level, "行政级别", "Level", ImportColumnKind.Choice, true, 0, "厅局级"),
        new(Keys.ParentCode, "上级单位代码", "Parent code", ImportColumnKind.Text, true, 32, "SF"),
        new(Keys.LargeOrMediumEnterprise, "是否国有大中型企业", "Large or medium enterprise", ImportColumnKind.YesNo, false, 0, "否"),
        new(Keys.EstablishedOn, "成立日期", "Set up on", ImportColumnKind.Date, false, 0, "1950-10-01"),
    ];

    private static readonly ImportColumn[] LeaderColumns =
    [
        new(Keys.StaffNumber, "人员编号", "Staff number", ImportColumnKind.Text, true, 32, "GB-0001"),
        new(Keys.Name, "姓名", "Name", ImportColumnKind.Text, true, 100, "张明"),
        new(Keys.Rank, "职级", "Rank", ImportColumnKind.Choice, true, 0, "厅局级"),
        new(Keys.PartyMember, "是否中共党员", "Party member", ImportColumnKind.YesNo, true, 0, "是"),
        new(Keys.Phone, "联系电话", "Phone", ImportColumnKind.Text, false, 32, "0000-1234567"),
        new(Keys.Email, "电子邮箱", "E-mail", ImportColumnKind.Text, false, 256, "zhangming@example.org"),
        new(Keys.UnitCode, "所在单位代码", "Unit code", ImportColumnKind.Text, true, 32, "SF-BGT"),
    ];

    private static readonly ImportColumn[] PostingColumns =
    [
        new(Keys.StaffNumber, "人员编号", "Staff number", ImportColumnKind.Text, true, 32, "GB-0001"),
        new(Keys.UnitCode, "任职单位代码", "Unit code", ImportColumnKind.Text, true, 32, "SF-BGT"),
        new(Keys.Role, "职务角色", "Role", ImportColumnKind.Choice, true, 0, "主要领导"),
        new(Keys.Title, "职务名称", "Title", ImportColumnKind.Text, true, 100, "主任"),
        new(Keys.Portfolio, "分管业务", "Portfolio", ImportColumnKind.Text, false, 500, "全面工作"),
        new(Keys.From, "任职起始日期", "From", ImportColumnKind.Date, true, 0, "2024-01-01"),
        new(Keys.To, "任职终止日期", "To", ImportColumnKind.Date, false, 0, ""),
        new(Keys.LeadsSecrecyWork, "是否兼分管保密工作", "Also in charge of secrecy work", ImportColumnKind.YesNo, false, 0, "否"),
    ];

    /// <summary>The sheet's name in the template (and in reports).</summary>
    public static string SheetName(ImportSheet sheet) => sheet switch
    {
        ImportSheet.Units => "单位",
        ImportSheet.Leaders => "领导干部",
        ImportSheet.Postings => "任职",
        _ => throw new ArgumentOutOfRangeException(nameof(sheet)),
    };

    public static IReadOnlyList<ImportColumn> Columns(ImportSheet sheet) => sheet switch
    {
        ImportSheet.Units => UnitColumns,
        ImportSheet.Leaders => LeaderColumns,
        ImportSheet.Postings => PostingColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(sheet)),
    };

    public static ImportColumn Column(ImportSheet sheet, string key) =>
        Columns(sheet).First(c => c.Key == key);

    /// <summary>The sheet a workbook tab holds, by its Chinese name or its English enum name.</summary>
    public static ImportSheet? SheetFor(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return Sheets.Cast<ImportSheet?>().FirstOrDefault(s =>
            string.Equals(SheetName(s!.Value), trimmed, StringComparison.Ordinal)
            || string.Equals(s.Value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The column a header names: the Chinese header, or the English alias in any case.</summary>
    public static ImportColumn? ColumnFor(ImportSheet sheet, string? header)
    {
        var trimmed = header?.Trim() ?? "";
        return Columns(sheet).FirstOrDefault(c =>
            string.Equals(c.Header, trimmed, StringComparison.Ordinal)
            || string.Equals(c.EnglishHeader, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
