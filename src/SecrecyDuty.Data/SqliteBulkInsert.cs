using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Data;

/// <summary>
/// <see cref="AppDbContext.InsertAsync{T}"/> on SQLite: one <c>INSERT</c> command, prepared once and executed per record with
/// its values, the parameters made by EF Core's own type mappings (value converters, text dates) so that a row reads
/// back exactly as if EF Core had saved it. EF Core's save prepares a statement for each record and tracks each; for a
/// 50,000-leader import that was most of its CPU time (docs/performance.md, "Import").
/// </summary>
internal static class SqliteBulkInsert
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> records, (DateTime AtUtc, string UserName) stamp, CancellationToken cancellationToken)
        where T : class
    {
        if (records.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties;
        var generated = key is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var columns = entityType.GetProperties().Where(p => p != generated).ToList();
        if (columns.Any(p => p.IsShadowProperty()))
        {
            throw new NotSupportedException($"{typeof(T).Name} has a shadow property: insert it with SaveChangesAsync.");
        }

        var mappings = columns.Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter())).ToList();
        var names = string.Join(", ", columns.Select(p => Quote(p.GetColumnName(table)!)));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        var returning = generated is null ? "" : $" RETURNING {Quote(generated.GetColumnName(table)!)}";

        await db.Database.OpenConnectionAsync(cancellationToken);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values}){returning};";
            foreach (var record in records)
            {
                if (record is IVersioned versioned)
                {
                    versioned.Version = Versions.First;
                    versioned.SavedAtUtc = stamp.AtUtc;
                    versioned.SavedBy = stamp.UserName;
                }

                // The command's text never changes, so Microsoft.Data.Sqlite keeps its prepared statement; only the values are bound anew.
                command.Parameters.Clear();
                for (var i = 0; i < mappings.Count; i++)
                {
                    var (property, mapping, getter) = mappings[i];
                    command.Parameters.Add(mapping.CreateParameter(command, $"@p{i}", getter.GetClrValue(record), property.IsNullable));
                }

                var id = await command.ExecuteScalarAsync(cancellationToken);
                if (generated is not null)
                {
                    generated.PropertyInfo!.SetValue(record, Convert.ChangeType(id, generated.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: a key someone else took meanwhile, reported as EF Core's save reports it.
            throw new DbUpdateException(e.Message, e);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
