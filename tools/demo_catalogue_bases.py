"""The legal basis (设定依据) of each demo catalogue item, in the reference file's order.

The published guides the demo items come from do not carry their basis in the reference file;
these are the national laws and regulations that set each kind of item, written for the demo
(so ``legal_basis`` is listed in every item's ``demo_fields``). A hall's real catalogue carries
its own basis per item. The papers cite it: a licence's decisions after the Licensing Law's own
article, the other types' decisions on it alone.
"""

from __future__ import annotations

_FOOD = "《中华人民共和国食品安全法》第三十五条"
_SEWAGE = "《城镇排水与污水处理条例》第二十一条"
_HYGIENE = "《公共场所卫生管理条例》第八条"
_DISABILITY = "《中华人民共和国残疾人保障法》、《中华人民共和国残疾人证管理办法》"
_PENSION = "《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）"
_DRUG = "《中华人民共和国药品管理法》第五十一条"
_JOBLESS = "《就业服务与就业管理规定》第六十三条"
_BIRTH = "《中华人民共和国人口与计划生育法》"
_WATER = "《中华人民共和国水法》第四十八条、《取水许可和水资源费征收管理条例》"

BASES: tuple[str, ...] = (
    "《城市市容和环境卫生管理条例》第十一条",  # 户外广告设置
    _SEWAGE,
    _SEWAGE,
    "《中华人民共和国水土保持法》第二十五条",
    "《中华人民共和国城乡规划法》第四十条",
    _FOOD,
    _FOOD,
    _HYGIENE,
    _HYGIENE,
    "《社会团体登记管理条例》",
    _DISABILITY,
    _DISABILITY,
    _PENSION,
    _PENSION,
    "《中华人民共和国社会保险法》第五十八条",
    "《企业职工档案管理工作规定》",
    "《促进个体工商户发展条例》、《中华人民共和国市场主体登记管理条例》",
    "《中华人民共和国特种设备安全法》第三十三条",
    _DRUG,
    _DRUG,
    _JOBLESS,
    _JOBLESS,
    _BIRTH,
    "《社会救助暂行办法》第四十七条",
    "《中华人民共和国民法典》第一千零四十九条、《婚姻登记条例》第四条",
    "《中华人民共和国民法典》第一千零七十六条、《婚姻登记条例》第十条",
    "《城市建筑垃圾管理规定》第七条",
    "《城市道路管理条例》第三十一条",
    "《城市道路管理条例》第三十三条",
    _WATER,
    _WATER,
    "《娱乐场所管理条例》第九条",
    "《出租汽车驾驶员从业资格管理规定》",
    "《网络预约出租汽车经营服务管理暂行办法》第十四条",
    "《中华人民共和国社会保险法》第二十五条",
    "《中华人民共和国医师法》第十三条",
    "《中华人民共和国发票管理办法》第十五条",
    "《互联网上网服务营业场所管理条例》第十条",
    _BIRTH,
    "《中华人民共和国城乡规划法》第四十一条",
    _FOOD,
    "《社会救助暂行办法》第十一条",
    _DISABILITY,
)
