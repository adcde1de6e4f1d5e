namespace EnterpriseEval.Workflow.Generation;

/// <summary>
/// Chinese names in realistic proportions: common surnames repeated roughly by frequency (Jiangxi leans to 刘、李、
/// 王、张、陈、黄), given names of one or two characters, separate lists by sex so the 身份证号 sequence digit agrees.
/// </summary>
internal static class ChineseNames
{
    // Repetition stands in for frequency weights: simple, and the draw stays one Random call.
    private static readonly string[] Surnames =
    [
        "刘", "刘", "刘", "李", "李", "李", "王", "王", "王", "张", "张", "张", "陈", "陈", "陈", "黄", "黄", "杨", "杨",
        "赵", "吴", "周", "徐", "徐", "孙", "朱", "胡", "胡", "郭", "何", "高", "林", "罗", "罗", "郑", "梁", "谢", "宋",
        "唐", "许", "邓", "邓", "冯", "韩", "曹", "曾", "曾", "彭", "彭", "萧", "蔡", "潘", "田", "董", "袁", "于", "余",
        "叶", "蒋", "杜", "苏", "魏", "程", "吕", "丁", "沈", "任", "姚", "卢", "傅", "钟", "钟", "姜", "崔", "谭", "廖",
        "范", "汪", "陆", "金", "石", "戴", "贾", "韦", "夏", "邱", "方", "侯", "邹", "邹", "熊", "熊", "孟", "秦", "白",
        "江", "阎", "薛", "尹", "段", "雷", "黎", "史", "龙", "陶", "贺", "顾", "毛", "郝", "龚", "邵", "万", "万", "涂",
        "甘", "付", "欧阳", "司马",
    ];

    private static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宁", "健",
        "建华", "建国", "建军", "志强", "志勇", "志明", "国庆", "国强", "海波", "海涛", "小兵", "德明", "春来", "明辉", "志刚",
        "文斌", "俊杰", "浩然", "子豪", "宇航", "晓东", "晓峰", "振华", "永红", "卫东", "红军", "立新", "新民", "金龙", "家豪",
        "光明", "学军", "庆华", "长青", "云飞", "嘉诚", "博文", "天佑", "一鸣", "思远",
    ];

    private static readonly string[] FemaleGiven =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "萍", "红", "婷", "雪", "琳", "颖", "倩", "洁", "慧", "莉",
        "秀英", "桂英", "秀兰", "玉兰", "丽华", "晓燕", "春梅", "海燕", "小红", "丽娟", "美玲", "淑珍", "雅琴", "文静", "思琪",
        "欣怡", "梦瑶", "雨萱", "佳怡", "子涵", "晓雯", "慧敏", "凤英", "冬梅", "红梅", "素芬", "月娥", "金凤", "巧玲", "婉清",
    ];

    public static string Next(Random random, bool male)
    {
        var given = male ? MaleGiven : FemaleGiven;
        return Surnames[random.Next(Surnames.Length)] + given[random.Next(given.Length)];
    }
}
