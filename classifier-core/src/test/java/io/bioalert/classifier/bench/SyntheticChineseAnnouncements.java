package io.bioalert.classifier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invented Chinese company announcements (公告) for throughput measurements, the counterpart of
 * {@link SyntheticAnnouncements}: a headline, a lead with a regulatory event, history, mechanism, trial,
 * company and risk boilerplate, about 900 characters (2.7 KB of UTF-8, as much as the English 3 KB), a
 * third of them in traditional script.
 */
public final class SyntheticChineseAnnouncements {
    private static final String[] COMPANIES = {"甲乙生物", "丙丁医药", "戊己制药", "庚辛生物科技", "壬癸药业", "子丑生物医药"};
    private static final String[] TARGETS = {"HER2", "TROP2", "B7-H4", "Claudin18.2", "EGFR", "PD-L1", "DLL3",
            "人表皮生长因子受体2", "程序性死亡受体-1", "BCMA", "CD19"};
    private static final String[] MODALITIES = {"抗体偶联药物(ADC)", "双特异性抗体", "单克隆抗体", "CAR-T细胞治疗产品",
            "小分子抑制剂", "融合蛋白"};
    private static final String[] AGENCIES = {"国家药品监督管理局药品审评中心(CDE)", "国家药监局", "美国食品药品监督管理局(FDA)",
            "欧洲药品管理局(EMA)", "日本厚生劳动省"};
    private static final String[] EVENTS = {"突破性治疗药物认定", "快速通道资格认定", "孤儿药资格认定", "优先审评资格"};
    private static final String[] DISEASES = {"铂耐药卵巢癌", "胃癌", "非小细胞肺癌", "多发性骨髓瘤", "三阴性乳腺癌", "黑色素瘤"};

    private SyntheticChineseAnnouncements() {
    }

    public static List<String[]> generate(int count, long seed) {
        Random r = new Random(seed);
        List<String[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] d = one(r, i);
            // every third one in traditional script, as Hong Kong filings are
            out.add(i % 3 == 2 ? new String[] {traditional(d[0]), traditional(d[1])} : d);
        }
        return out;
    }

    private static String[] one(Random r, int i) {
        String company = pick(r, COMPANIES);
        String code = (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + "-" + (100 + r.nextInt(9000));
        String target = pick(r, TARGETS);
        String modality = pick(r, MODALITIES);
        String agency = pick(r, AGENCIES);
        String event = pick(r, EVENTS);
        String disease = pick(r, DISEASES);
        int year = 2020 + r.nextInt(5);
        String title = company + "：注射用" + code + "获得" + event + "的公告";
        StringBuilder b = new StringBuilder(1800);
        b.append("证券代码：").append(600000 + r.nextInt(9999)).append(" 证券简称：").append(company)
                .append(" 公告编号：临").append(year + 1).append("-0").append(10 + r.nextInt(89)).append("\n");
        b.append("本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担法律责任。\n");
        b.append("近日，").append(company).append("（以下简称“公司”）自主研发的注射用").append(code).append("获得")
                .append(agency).append("授予").append(event).append("，用于治疗既往接受过抗PD-1治疗和含铂化疗后疾病进展的晚期")
                .append(disease).append("成人患者。现将相关情况公告如下：\n");
        b.append("一、药品的基本情况\n药品名称：注射用").append(code).append("\n剂型：注射剂\n申请事项：临床试验\n");
        b.append("此前，").append(code).append("已于").append(year).append("年").append(1 + r.nextInt(12))
                .append("月获得").append(pick(r, AGENCIES)).append("授予").append(pick(r, EVENTS))
                .append("。公司计划于明年递交新药上市申请，并将申请优先审评。\n");
        b.append("二、药品的其他相关情况\n").append(code).append("是一款靶向").append(target).append("的").append(modality)
                .append("，通过与肿瘤细胞表面的靶抗原结合，经内吞进入细胞后释放拓扑异构酶I抑制剂毒素，从而杀伤肿瘤细胞。")
                .append(target).append("在").append(disease).append("等多种实体瘤中高表达。目前该产品正在开展与帕博利珠单抗联合用药的临床研究。\n");
        b.append("本次认定基于一项I/II期临床研究（NCT0").append(1000000 + r.nextInt(8999999)).append("）的数据：")
                .append(code).append("的客观缓解率为").append(20 + r.nextInt(40)).append("%，中位无进展生存期为")
                .append(3 + r.nextInt(9)).append("个月，安全性良好，未发现新的安全性信号。与多西他赛相比，")
                .append("该产品在").append(pick(r, TARGETS)).append("阳性患者中显示出更优的疗效。\n");
        b.append(disease).append("是常见的恶性肿瘤之一，患者预后较差，现有治疗手段有限，标准方案包括化疗联合或不联合贝伐珠单抗，")
                .append("大多数患者在确诊后两年内复发，存在巨大的未满足临床需求。\n");
        b.append("截至本公告日，公司针对该产品累计研发投入约为人民币").append(1000 + r.nextInt(9000))
                .append("万元（未经审计）。公司是一家处于临床阶段的创新药企业，拥有").append(3 + r.nextInt(9))
                .append("个在研项目，研发中心位于上海、苏州和波士顿。\n");
        b.append("三、风险提示\n药品研发具有周期长、投入大、风险高的特点，产品后续临床试验、注册申报及获批上市的时间和结果均具有")
                .append("不确定性。公司将按有关规定及时对后续进展情况履行信息披露义务，敬请广大投资者谨慎决策，注意防范投资风险。\n");
        b.append("特此公告。\n").append(company).append("董事会\n").append(year + 1).append("年")
                .append(1 + r.nextInt(12)).append("月").append(1 + r.nextInt(28)).append("日 第").append(i).append("号");
        return new String[] {title, b.toString()};
    }

    /** A few common characters in traditional form: enough to exercise the folding path. */
    private static String traditional(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            b.append(switch (c) {
                case '药' -> '藥';
                case '国' -> '國';
                case '监' -> '監';
                case '审' -> '審';
                case '疗' -> '療';
                case '认' -> '認';
                case '获' -> '獲';
                case '资' -> '資';
                case '临' -> '臨';
                case '试' -> '試';
                case '验' -> '驗';
                case '发' -> '發';
                case '为' -> '為';
                default -> c;
            });
        }
        return b.toString();
    }

    private static String pick(Random r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }
}
