using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SkillBridge.Core.Data;
using History = SkillBridge.Core.Data.Migrations.History;

namespace SkillBridge.Migrations.PostgreSql.Migrations;

// The hand-written migrations from before EF Core's design-time tools could be installed here. Both providers apply
// the same classes (Core/Data/Migrations/History), in this order, before the generated Baseline; existing databases
// list these ids in __EFMigrationsHistory, so they never change.

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : History.Initial;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122010000_MediaVariants")]
public sealed class MediaVariants : History.MediaVariants;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122020000_Accounts")]
public sealed class Accounts : History.Accounts;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122030000_Authoring")]
public sealed class Authoring : History.Authoring;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122040000_Search")]
public sealed class FullTextSearch : History.FullTextSearch;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122050000_DataProtectionKeys")]
public sealed class DataProtectionKeys : History.DataProtectionKeys;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122060000_SearchSpeed")]
public sealed class SearchSpeed : History.SearchSpeed;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122070000_Progress")]
public sealed class Progress : History.Progress;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122080000_Mentoring")]
public sealed class Mentoring : History.Mentoring;

[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122090000_FormerColleagues")]
public sealed class FormerColleagues : History.FormerColleagues;
