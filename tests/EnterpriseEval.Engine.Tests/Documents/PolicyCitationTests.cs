using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents;

public sealed class PolicyCitationTests
{
    [Theory]
    [InlineData("96/2.5", "人社部发〔2020〕96号 二（五）")]
    [InlineData("96/2.2.1", "人社部发〔2020〕96号 二（二）1")]
    [InlineData("96/1.2.3", "人社部发〔2020〕96号 一（二）3")]
    [InlineData("227/1", "赣人社字〔2021〕227号 一")]
    [InlineData("project-default", "本系统项目默认配置")]
    [InlineData("《洪都精工技能人才评价办法》第五条", "《洪都精工技能人才评价办法》第五条")]
    [InlineData("96/x", "96/x")]
    public void Clause_id_is_cited_the_way_the_document_numbers_it(string clauseId, string expected)
    {
        Assert.Equal(expected, PolicyCitation.Format(clauseId));
    }

    [Fact]
    public void Consecutive_clauses_of_one_document_name_the_document_once()
    {
        var cited = PolicyCitation.FormatList(["96/2.2.1", "96/2.2.3", "227/1", "《公司办法》第三条", "96/2.5"]);

        Assert.Equal("人社部发〔2020〕96号 二（二）1、二（二）3、赣人社字〔2021〕227号 一、《公司办法》第三条、人社部发〔2020〕96号 二（五）", cited);
    }
}
