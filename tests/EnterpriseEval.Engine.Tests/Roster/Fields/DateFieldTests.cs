using EnterpriseEval.Engine.Roster.Fields;

namespace EnterpriseEval.Engine.Tests.Roster.Fields;

public sealed class DateFieldTests
{
    [Theory]
    [InlineData("2023-04-05")]
    [InlineData("2023/04/05")]
    [InlineData("2023.04.05")]
    [InlineData("2023-4-5")]
    [InlineData("2023/4/05")]
    [InlineData("2023.04.5")]
    [InlineData("2023年4月5日")]
    [InlineData("2023年04月05日")]
    [InlineData("2023年4月5")]
    [InlineData("２０２３－０４－０５")]
    [InlineData("２０２３年４月５日")]
    [InlineData("2023／4／5")]
    public void Accepted_spellings_all_read_as_the_same_date(string text)
    {
        Assert.True(default(DateField).TryParse(text, out var date, out _));
        Assert.Equal(new DateOnly(2023, 4, 5), date);
    }

    [Theory]
    [InlineData("20230405")]
    [InlineData("2023-04-05 00:00:00")]
    [InlineData("05/04/2023")]
    [InlineData("2023-04/05")]
    [InlineData("23-04-05")]
    [InlineData("2023-004-05")]
    [InlineData("2023--05")]
    [InlineData("2023-04-")]
    public void Other_spellings_are_rejected_with_the_format(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out var reason));
        Assert.Equal(DateField.FormatReason, reason);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("2023-04-31")]
    [InlineData("2023-00-10")]
    public void Days_that_do_not_exist_are_rejected(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out var reason));
        Assert.Contains("日期不存在", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_ninth_of_February_in_a_leap_year_is_a_date()
    {
        Assert.True(default(DateField).TryParse("2024-2-29", out var date, out _));
        Assert.Equal(new DateOnly(2024, 2, 29), date);
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2202-01-01")]
    public void Implausible_years_are_rejected(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out var reason));
        Assert.Contains("年份应在 1900 到 2100 之间", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021年7月")]
    [InlineData("2021-07")]
    [InlineData("2021/7")]
    [InlineData("2021.07")]
    [InlineData("２０２１年７月")]
    public void A_month_alone_is_refused_where_a_day_is_needed(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out var reason));
        Assert.Equal(DateField.MonthOnlyReason, reason);
    }

    [Theory]
    [InlineData((int)MonthPrecision.FirstDay, 1)]
    [InlineData((int)MonthPrecision.AssumeFirstDay, 1)]
    [InlineData((int)MonthPrecision.AssumeLastDay, 31)]
    public void A_month_alone_is_the_day_the_column_assumes(int precision, int day)
    {
        var field = new DateField((MonthPrecision)precision);

        Assert.True(field.TryParse("2021年7月", out var date, out var form, out _));

        Assert.Equal((new DateOnly(2021, 7, day), DateForm.Month), (date, form));
    }

    [Fact]
    public void The_last_day_of_February_is_the_29th_in_a_leap_year()
    {
        Assert.True(new DateField(MonthPrecision.AssumeLastDay).TryParse("2024-02", out var date, out _));
        Assert.Equal(new DateOnly(2024, 2, 29), date);
    }

    [Fact]
    public void Only_an_assumed_day_is_noted_a_month_that_is_enough_is_not()
    {
        Assert.Null(new DateField(MonthPrecision.FirstDay).Note("2021年7月", new DateOnly(2021, 7, 1)));
        Assert.Equal(
            "日期只写到月份，已按该月最后一天 2021-07-31 计算（不多计未经核实的天数）；请补全为年月日",
            new DateField(MonthPrecision.AssumeLastDay).Note("2021年7月", new DateOnly(2021, 7, 31)));
        Assert.Contains("已按该月第一天 2021-07-01 计算", new DateField(MonthPrecision.AssumeFirstDay).Note("2021.07", new DateOnly(2021, 7, 1)), StringComparison.Ordinal);
        Assert.Null(new DateField(MonthPrecision.AssumeLastDay).Note("2021年7月1日", new DateOnly(2021, 7, 1)));
        Assert.Null(new DateField(MonthPrecision.AssumeLastDay).Note("2021-07-01", new DateOnly(2021, 7, 1)));
    }

    [Theory]
    [InlineData("44378")]
    [InlineData("44378.5")]
    [InlineData("４４３７８")]
    public void An_Excel_serial_number_is_the_date_Excel_shows_for_it(string text)
    {
        var field = new DateField(excelSerial: true);

        Assert.True(field.TryParse(text, out var date, out var form, out _));

        // 44378 is 1 July 2021 in Excel's 1900 date system.
        Assert.Equal((new DateOnly(2021, 7, 1), DateForm.ExcelSerial), (date, form));
        Assert.Equal(
            "日期被保存成了数字（Excel 日期序号），已换算为 2021-07-01，请核对；这是因为 Excel 中此列为“常规”或“数值”格式，请把该列设为日期格式后重新导出",
            field.Note(text, date));
    }

    [Theory]
    [InlineData("44378")]
    [InlineData("2021")]
    [InlineData("20210701")]
    [InlineData("999999")]
    public void Numbers_that_are_no_Excel_serial_here_are_not_dates(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out _));
        Assert.False(new DateField(excelSerial: true).TryParse(text == "44378" ? "4437" : text, out _, out _));
    }

    [Fact]
    public void A_year_alone_is_told_it_needs_a_day()
    {
        Assert.False(new DateField(MonthPrecision.FirstDay, excelSerial: true).TryParse("2021", out _, out var reason));
        Assert.Equal("日期只写了年份，应写到日，如 2021-07-01", reason);
    }
}
